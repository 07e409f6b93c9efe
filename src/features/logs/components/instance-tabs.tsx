import { useRef, type KeyboardEvent } from 'react';

import { focusRing } from '@/components/ui/focus-ring';
import { cn } from '@/lib/cn';

/** An instance's number, or every instance's log interleaved. */
export type LogChoice = number | 'all';

export type InstanceTabsProps = {
  instances: readonly number[];
  selected: LogChoice;
  onSelect: (choice: LogChoice) => void;
  /** The id of the tab panel they control. */
  panelId: string;
};

export function tabLabel(choice: LogChoice): string {
  return choice === 'all' ? 'All instances' : `Instance #${choice}`;
}

/** One tab per instance, and one for all of them; arrow keys, Home and End move between tabs (WAI-ARIA tabs). */
export function InstanceTabs({ instances, selected, onSelect, panelId }: InstanceTabsProps) {
  const choices: LogChoice[] = [...instances, 'all'];
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = choices.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? choices[(index + 1) % choices.length]
        : event.key === 'ArrowLeft'
          ? choices[(index - 1 + choices.length) % choices.length]
          : event.key === 'Home'
            ? choices[0]
            : event.key === 'End'
              ? choices.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLButtonElement>(`[data-choice="${next}"]`)?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label="Whose log" className="flex flex-wrap gap-1" onKeyDown={onKeyDown}>
      {choices.map((choice) => {
        const active = choice === selected;
        return (
          <button
            key={choice}
            type="button"
            role="tab"
            data-choice={choice}
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(choice)}
            className={cn(
              'rounded-md px-2.5 py-1 text-sm font-medium',
              active
                ? 'bg-sky-700 text-white'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
              focusRing,
            )}
          >
            {tabLabel(choice)}
          </button>
        );
      })}
    </div>
  );
}
