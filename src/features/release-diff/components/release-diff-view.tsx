import type { ReactNode } from 'react';

import { ErrorDetails } from '@/components/ui/error-state';
import { ExternalLink } from '@/components/ui/external-link';
import { FormError } from '@/components/ui/field';
import { focusRing } from '@/components/ui/focus-ring';
import { RelativeTime } from '@/components/ui/relative-time';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { shortCommit } from '@/lib/format';
import type { DiffCommit } from '@/lib/read/release-diff';

import type { CompareTarget, DiffSide, DiffViewModel } from '../diff-view-model';

/** Commits shown at once; the rest are one click away. */
const SHOWN_COMMITS = 10;

function Side({ side }: { side: DiffSide }) {
  return (
    <span>
      <span className="font-mono font-medium">{side.semver ?? '?'}</span>
      {side.commit && (
        <span className="font-mono text-slate-500 dark:text-slate-400"> ({shortCommit(side.commit)})</span>
      )}
    </span>
  );
}

function CommitItem({ commit }: { commit: DiffCommit }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 py-0.5" data-testid="diff-commit">
      <code className="font-mono text-xs text-slate-500 dark:text-slate-400">
        {commit.short_id ?? shortCommit(commit.id)}
      </code>
      <span className="min-w-0 break-words text-slate-900 dark:text-slate-100">{commit.subject ?? '(no message)'}</span>
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {commit.author}
        {commit.date !== undefined && (
          <>
            , <RelativeTime value={commit.date} />
          </>
        )}
      </span>
    </li>
  );
}

function Commits({ commits, label }: { commits: readonly DiffCommit[]; label: string }) {
  const first = commits.slice(0, SHOWN_COMMITS);
  const rest = commits.slice(SHOWN_COMMITS);
  return (
    <div>
      <ul aria-label={label} className="text-sm">
        {first.map((commit) => (
          <CommitItem key={commit.id} commit={commit} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="text-sm">
          <summary className={cn('cursor-pointer rounded text-slate-700 dark:text-slate-300', focusRing)}>
            {rest.length} more
          </summary>
          <ul className="text-sm">
            {rest.map((commit) => (
              <CommitItem key={commit.id} commit={commit} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function CompareLink({ compare, children }: { compare: CompareTarget; children?: ReactNode }) {
  return <ExternalLink href={compare.url}>{children ?? `Compare on ${compare.label}`}</ExternalLink>;
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

function Body({ model }: { model: DiffViewModel }) {
  switch (model.kind) {
    case 'same':
      return <p data-testid="diff-same">Nothing changes in the code: {model.note}.</p>;
    case 'git': {
      const { commits, removed, truncated, compare } = model;
      return (
        <div className="space-y-3" data-testid="diff-git">
          {commits.length === 0 && removed.length === 0 && <p>No commits between them.</p>}
          {commits.length > 0 && (
            <div>
              <p className="font-medium">
                {truncated ? `More than ${commits.length} commits` : plural(commits.length, 'commit')} to deploy (from
                git):
              </p>
              <Commits commits={commits} label="Commits to deploy" />
            </div>
          )}
          {removed.length > 0 && (
            <div>
              <p className="font-medium text-amber-800 dark:text-amber-300">
                {plural(removed.length, 'commit')} taken away: the candidate does not have{' '}
                {removed.length === 1 ? 'it' : 'them'}.
              </p>
              <Commits commits={removed} label="Commits taken away" />
            </div>
          )}
          {compare && (
            <p>
              <CompareLink compare={compare}>The whole diff on {compare.label}</CompareLink>
            </p>
          )}
        </div>
      );
    }
    case 'link':
      return (
        <div className="space-y-1" data-testid="diff-link">
          <p>
            <CompareLink compare={model.compare} />
          </p>
          {model.note && (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Git could not list the commits here: {model.note}.
            </p>
          )}
        </div>
      );
    case 'unknown':
      return (
        <p data-testid="diff-unknown">
          <span className="font-medium">Unknown:</span> {model.note}.
        </p>
      );
  }
}

export type ReleaseDiffViewProps = {
  from: DiffSide;
  to: DiffSide;
  /** Undefined while it is being worked out. */
  model: DiffViewModel | undefined;
  error?: unknown;
};

/** The commits between the release serving (from) and the candidate (to), a link to see them, or why neither. */
export function ReleaseDiffView({ from, to, model, error }: ReleaseDiffViewProps) {
  return (
    <div className="space-y-2 text-sm text-slate-800 dark:text-slate-200" data-testid="release-diff">
      <p className="text-slate-600 dark:text-slate-400">
        From <Side side={from} /> to <Side side={to} />
      </p>
      {model !== undefined ? (
        <Body model={model} />
      ) : error ? (
        <FormError>
          Couldn't work out the changes. <ErrorDetails error={error} />
        </FormError>
      ) : (
        <Spinner label="Reading the changes…" />
      )}
    </div>
  );
}
