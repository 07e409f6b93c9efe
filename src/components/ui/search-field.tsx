import { useEffect, useId, useRef, useState } from 'react';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

export type SearchFieldProps = {
  label: string;
  /** The committed value (from the URL). */
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  /** Focus this field when "/" is pressed outside any input. */
  slashShortcut?: boolean;
  debounceMs?: number;
};

/** A text filter that commits (to the URL) after a pause in typing, or at once on Enter. */
export function SearchField({
  label,
  value,
  onCommit,
  placeholder,
  slashShortcut = false,
  debounceMs = 350,
}: SearchFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const inputRef = useRef<HTMLInputElement>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // The URL changed from outside (back button, a link): show its value.
  useEffect(() => setDraft(value), [value]);

  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => commitRef.current(draft.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [draft, value, debounceMs]);

  useEffect(() => {
    if (!slashShortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [slashShortcut]);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
        {slashShortcut && (
          <kbd className="ml-2 rounded border border-slate-300 px-1 text-xs font-normal text-slate-500 dark:border-slate-600">
            /
          </kbd>
        )}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onCommit(draft.trim());
          }
        }}
        className={cn(
          'block w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900',
          focusRing,
        )}
      />
    </div>
  );
}
