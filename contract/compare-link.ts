/**
 * The repository host's own page comparing two commits, from an application's `repository_url` and two builds'
 * `commit.id`: what "what am I deploying" links to when git cannot list the commits (connected mode, or a local
 * asset folder that is not in a repository holding both commits). Pure: the server and the SPA both use it.
 *
 * The patterns, and where they are shown:
 * - GitHub: `https://github.com/OWNER/REPO/compare/BASE...HEAD` (hub's `hub compare` manual,
 *   https://hub.github.com/hub-compare.1.html: "open https://github.com/OWNER/REPO/compare/v1.0...v1.1"; GitHub's
 *   "Comparing commits" help page, https://help.github.com/en/articles/comparing-commits-across-time).
 * - GitLab: `https://gitlab.com/GROUP/PROJECT/-/compare/FROM...TO` (GitLab's "Compare revisions" pages, e.g.
 *   https://gitlab.com/gitlab-com/www-gitlab-com/-/compare/ca5b7b2e…...28106dce…).
 * - Bitbucket Cloud: `https://bitbucket.org/WORKSPACE/REPO/branches/compare/SOURCE%0DDESTINATION`, the newer side
 *   first: the page lists "which commits are on the source but not on the destination"
 *   (https://bitbucket.org/mutt/mutt/branches/compare; the URL form in Bitbucket's own issue tracker,
 *   https://bitbucket.org/site/master/issues/16327, ".../branches/compare/tag-1.2.3%0Dtag-1.2.4").
 * Self-hosted GitHub Enterprise and GitLab are recognised by a host name starting with `github.` or `gitlab.`;
 * Bitbucket Server has other URLs and is not linked.
 */

export const compareHosts = ['github', 'gitlab', 'bitbucket'] as const;
export type CompareHost = (typeof compareHosts)[number];

export const COMPARE_HOST_LABELS: Record<CompareHost, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
};

export type CompareLink = { ok: true; host: CompareHost; url: string } | { ok: false; reason: string };

/** A commit id as git names an object: 4 to 64 hexadecimal digits (anything else is not linked, nor given to git). */
export const COMMIT_ID_PATTERN = /^[0-9a-f]{4,64}$/i;

export function isCommitId(value: string | null | undefined): value is string {
  return typeof value === 'string' && COMMIT_ID_PATTERN.test(value);
}

/** The repository's web address and host, from the https, ssh or scp-like (`git@host:owner/repo.git`) forms. */
export function repositoryWebAddress(repositoryUrl: string): { host: CompareHost; base: string } | { reason: string } {
  const raw = repositoryUrl.trim();
  const scpLike = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(raw);
  let hostname: string;
  let path: string;
  if (scpLike?.[1] !== undefined && scpLike[2] !== undefined) {
    hostname = scpLike[1];
    path = scpLike[2];
  } else {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { reason: `the repository URL "${raw}" is not an address` };
    }
    if (!['http:', 'https:', 'ssh:', 'git:', 'git+ssh:'].includes(url.protocol)) {
      return { reason: `the repository URL "${raw}" is not an http(s) or ssh address` };
    }
    hostname = url.hostname;
    path = url.pathname;
  }
  const host = hostOf(hostname.toLowerCase());
  if (host === undefined)
    return { reason: `${hostname} is not GitHub, GitLab or Bitbucket: its compare page is unknown` };
  const segments = path
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.length < 2) return { reason: `the repository URL "${raw}" does not name an owner and a repository` };
  return { host, base: `https://${hostname.toLowerCase()}/${segments.map(encodeURIComponent).join('/')}` };
}

function hostOf(hostname: string): CompareHost | undefined {
  const name = hostname.replace(/^www\./, '');
  if (name === 'github.com' || name.startsWith('github.')) return 'github';
  if (name === 'gitlab.com' || name.startsWith('gitlab.')) return 'gitlab';
  if (name === 'bitbucket.org') return 'bitbucket';
  return undefined;
}

/** The host's page comparing `from` (the release serving) with `to` (the candidate), or why there is none. */
export function compareLink(
  repositoryUrl: string | null | undefined,
  from: string | null | undefined,
  to: string | null | undefined,
): CompareLink {
  if (repositoryUrl === null || repositoryUrl === undefined || repositoryUrl.trim() === '') {
    return { ok: false, reason: 'the application has no repository_url' };
  }
  if (!isCommitId(from)) return { ok: false, reason: describeBadCommit('serving', from) };
  if (!isCommitId(to)) return { ok: false, reason: describeBadCommit('candidate', to) };
  const address = repositoryWebAddress(repositoryUrl);
  if ('reason' in address) return { ok: false, reason: address.reason };
  const { host, base } = address;
  switch (host) {
    case 'github':
      return { ok: true, host, url: `${base}/compare/${from}...${to}` };
    case 'gitlab':
      return { ok: true, host, url: `${base}/-/compare/${from}...${to}` };
    case 'bitbucket':
      // %0D (a carriage return) separates the two sides; the source (newer) side comes first.
      return { ok: true, host, url: `${base}/branches/compare/${to}%0D${from}` };
  }
}

function describeBadCommit(side: 'serving' | 'candidate', commit: string | null | undefined): string {
  const which = side === 'serving' ? "the serving release's build" : "the candidate release's build";
  if (commit === null || commit === undefined || commit === '') return `${which} has no commit id`;
  return `${which} names commit "${commit}", which is not a git commit id`;
}
