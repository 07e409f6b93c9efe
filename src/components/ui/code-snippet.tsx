import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import type { CliSnippet } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';

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

/** "Copy as np CLI / curl": two tabs (arrow keys move between them) and a copy button. */
export function CodeSnippet({ snippet, title = 'Equivalent command', note }: CodeSnippetProps) {
  const [active, setActive] = useState<TabKey>('np');
  const id = useId();
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ np: null, curl: null });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.key === active);
    const nextIndex =
      event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
    const next = tabs[nextIndex]?.key ?? 'np';
    setActive(next);
    tabRefs.current[next]?.focus();
  };

  const text = snippet[active];

  return (
    <section aria-label={title} className="rounded-md border border-slate-200 dark:border-slate-700">
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
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`} tabIndex={0} className={cn('p-2', focusRing)}>
        <pre className="overflow-x-auto text-xs leading-relaxed whitespace-pre-wrap break-all text-slate-800 dark:text-slate-200">
          <code>{text}</code>
        </pre>
        {note && <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{note}</p>}
      </div>
    </section>
  );
}
