import { ExternalLink } from '@/components/ui/external-link';
import { shortCommit } from '@/lib/format';

export type CommitLinkProps = {
  commit: { id?: string | undefined; permalink?: string | null | undefined } | null | undefined;
};

/** The commit a build was made from: its short id, linked to its permalink when there is one. */
export function CommitLink({ commit }: CommitLinkProps) {
  if (!commit?.id) return <span className="text-slate-400">—</span>;
  const label = <code className="font-mono text-xs">{shortCommit(commit.id)}</code>;
  if (!commit.permalink) return <span title={commit.id}>{label}</span>;
  return (
    <ExternalLink href={commit.permalink}>
      <span title={commit.id}>{label}</span>
      <span className="sr-only"> commit {commit.id}</span>
    </ExternalLink>
  );
}
