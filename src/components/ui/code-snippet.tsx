import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { useQueryClient } from '@tanstack/react-query';

import { cliSetup } from '@/lib/cli-setup';
import type { CliSnippet } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';
import { resourceKeys } from '@/lib/resource-keys';

import { CopyButton } from './copy-button';
import { focusRing } from './focus-ring';

const tabs = [
  { key: 'np', label: 'np CLI' },
  { key: 'curl', label: 'curl' },
] as const;
type TabKey = (typeof tabs)[number]['key'];

export type CodeSnippetProps = {
  snippet: CliSnippet;
  /** Names the snippet for screen readers, e.g. "Create this release from the command line". */
  title?: string;
  note?: ReactNode;
};

/**
 * "Copy as np CLI / curl", labelled by its action: two tabs (arrow keys move between them), a copy button, and what to
 * set NP_API_URL and NP_TOKEN to in the mode the console runs in.
 */
export function CodeSnippet({ snippet, title = 'Equivalent command', note }: CodeSnippetProps) {
  const [active, setActive] = useState<TabKey>('np');
  // The console info the layout loaded at start (it never goes stale), read from the cache by its key: importing its
  // query here would pull the query's module out of the entry chunk into one the first page also loads
  // (scripts/print-size.ts). Read as unknown and narrowed by cliSetup.
  const info: unknown = useQueryClient().getQueryData(resourceKeys.console.info());
  const setup = cliSetup(info, typeof window === 'undefined' ? '' : window.location.origin);
  const id = useId();
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ np: null, curl: null });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.key === active);
    const nextIndex =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
    const next = tabs[nextIndex]?.key ?? 'np';
    setActive(next);
    tabRefs.current[next]?.focus();
  };

  const text = snippet[active];

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-200 dark:border-slate-700">
      <h3
        id={`${id}-title`}
        className="border-b border-slate-200 px-2 pt-1.5 pb-1 text-xs font-semibold text-slate-700 dark:border-slate-700 dark:text-slate-300"
      >
        {title}
      </h3>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <div role="tablist" aria-label={title} className="flex gap-1">
          {tabs.map((tab) => (
            <button
              key={tab.key}
              ref={(element) => {
                tabRefs.current[tab.key] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.key}`}
              aria-selected={active === tab.key}
              aria-controls={`${id}-panel`}
              tabIndex={active === tab.key ? 0 : -1}
              onClick={() => setActive(tab.key)}
              onKeyDown={onKeyDown}
              className={cn(
                'rounded px-2 py-1 text-xs font-medium',
                active === tab.key
                  ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50'
                  : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                focusRing,
              )}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <CopyButton text={text} label={`Copy ${active === 'np' ? 'np command' : 'curl command'}`} />
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${active}`}
        tabIndex={0}
        className={cn('p-2', focusRing)}
      >
        <pre className="overflow-x-auto text-xs leading-relaxed whitespace-pre-wrap break-all text-slate-800 dark:text-slate-200">
          <code>{text}</code>
        </pre>
        {note && <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{note}</p>}
      </div>
      {setup && (
        <details
          className="border-t border-slate-200 px-2 py-1.5 text-xs dark:border-slate-700"
          data-testid="cli-setup"
        >
          <summary className={cn('cursor-pointer rounded text-slate-700 dark:text-slate-300', focusRing)}>
            First set NP_API_URL and NP_TOKEN ({setup.mode === 'local' ? 'local platform' : 'connected'})
          </summary>
          <div className="mt-1.5 flex items-start justify-between gap-2">
            <pre className="overflow-x-auto whitespace-pre-wrap break-all text-slate-800 dark:text-slate-200">
              <code>{setup.lines}</code>
            </pre>
            <CopyButton text={setup.lines} label="Copy setup" />
          </div>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{setup.note}</p>
        </details>
      )}
    </section>
  );
}
