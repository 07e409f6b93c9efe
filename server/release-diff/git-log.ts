/**
 * The commits between two commits of a local git repository: `git log from..to` (and `to..from`), run with execFile
 * (no shell), a clean environment, a time limit and a bounded output. Commit ids reach git only once they are plain
 * hexadecimal object names (contract/compare-link.ts `isCommitId`), so nothing in the database can become an option.
 *
 * Only reading commands run: `rev-parse`, `cat-file -e`, `log`; with optional locks off (no index refresh) and the
 * file system monitor off, so a repository's own configuration starts no program.
 */
import { execFile } from 'node:child_process';

import type { DiffCommit } from '@contract/release-diff';

/** Longest a git command may run before it is killed and the diff falls back to a link. */
export const GIT_TIMEOUT_MS = 5_000;
/** The most output read from one git command (a few hundred commits' subjects fit many times over). */
const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;

const FIELD = '\x1f';
const RECORD = '\x1e';
const LOG_FORMAT = ['%H', '%h', '%an', '%aI', '%s'].join('%x1f') + '%x1e';

type GitRun = { ok: true; stdout: string } | { ok: false; missing: boolean; message: string };

function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off', '--no-pager', ...args],
      {
        cwd,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        // Never the console's own environment (it may hold NP_API_KEY): what git needs to find itself and the user's
        // configuration (safe.directory), and nothing that could prompt.
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: process.env['HOME'] ?? '',
          LANG: 'C.UTF-8',
          GIT_TERMINAL_PROMPT: '0',
          GIT_OPTIONAL_LOCKS: '0',
        },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ ok: true, stdout });
          return;
        }
        const code = 'code' in error ? error.code : undefined;
        if (code === 'ENOENT') {
          resolve({ ok: false, missing: true, message: 'git is not installed on this machine (or not on its PATH)' });
          return;
        }
        const killed = 'killed' in error && error.killed === true;
        const detail = killed
          ? `it did not finish within ${GIT_TIMEOUT_MS / 1000} s`
          : firstLine(stderr) || error.message;
        resolve({ ok: false, missing: false, message: detail });
      },
    );
  });
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

export type GitRange =
  | { ok: true; root: string; commits: DiffCommit[]; removed: DiffCommit[]; truncated: boolean }
  | { ok: false; reason: string };

/**
 * The commits in `to` and not in `from`, and those in `from` and not in `to`, each newest first and at most `max`,
 * from the git repository `folder` is in; or why they cannot be read there.
 */
export async function commitsBetween(folder: string, from: string, to: string, max: number): Promise<GitRange> {
  const top = await runGit(folder, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { ok: false, reason: top.missing ? top.message : `${folder} is not in a git repository` };
  const root = top.stdout.trim();
  for (const commit of [from, to]) {
    const exists = await runGit(root, ['cat-file', '-e', `${commit}^{commit}`]);
    if (!exists.ok)
      return { ok: false, reason: `the git repository at ${root} does not have commit ${commit.slice(0, 12)}` };
  }
  const [added, removed] = await Promise.all([log(root, `${from}..${to}`, max), log(root, `${to}..${from}`, max)]);
  if (!added.ok) return { ok: false, reason: `git log in ${root} failed: ${added.message}` };
  if (!removed.ok) return { ok: false, reason: `git log in ${root} failed: ${removed.message}` };
  return {
    ok: true,
    root,
    commits: added.commits,
    removed: removed.commits,
    truncated: added.truncated || removed.truncated,
  };
}

async function log(
  root: string,
  range: string,
  max: number,
): Promise<{ ok: true; commits: DiffCommit[]; truncated: boolean } | { ok: false; message: string }> {
  // One more than shown, to know whether there are more.
  const run = await runGit(root, ['log', `--max-count=${max + 1}`, `--format=${LOG_FORMAT}`, range, '--']);
  if (!run.ok) return { ok: false, message: run.message };
  const commits = run.stdout
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record): DiffCommit => {
      const [id = '', shortId = '', author = '', date = '', subject = ''] = record.split(FIELD);
      return { id, short_id: shortId, author, date, subject };
    });
  return { ok: true, commits: commits.slice(0, max), truncated: commits.length > max };
}
