import { useLayoutEffect, useRef, type ReactNode } from 'react';

import { cn } from '@/lib/cn';
import type { LogLine } from '@/lib/read/logs';

export type LogLinesProps = {
  lines: readonly LogLine[];
  label: string;
  /** Show which instance wrote each line (the log of every instance). */
  showInstance: boolean;
  /** Marked where it occurs (case-insensitive). */
  highlight: string;
  /** Keep the newest line in view as lines come (unless the reader scrolled up). */
  stickToEnd: boolean;
};

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

function time(line: LogLine): string {
  if (line.timestamp === undefined) return '';
  const at = new Date(line.timestamp);
  return Number.isNaN(at.getTime()) ? '' : timeFormat.format(at);
}

function marked(text: string, highlight: string): ReactNode {
  if (highlight === '') return text;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  const needle = highlight.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(
      text.slice(from, at),
      <mark key={at} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}

const streamClasses: Record<string, string> = {
  stderr: 'border-red-500 bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-100',
  platform: 'border-slate-400 italic text-slate-600 dark:text-slate-400',
};

/** The lines of a log, oldest first, in a scrolling box; stderr lines marked (colour, border and a word). */
export function LogLines({ lines, label, showInstance, highlight, stickToEnd }: LogLinesProps) {
  const box = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const placed = useRef(false);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element || lines.length === 0) return;
    // A log opens at its newest line, followed or not (as `tail` shows it); then, followed, it stays there unless
    // the reader scrolled up.
    if (!placed.current || (stickToEnd && atEnd.current)) element.scrollTop = element.scrollHeight;
    placed.current = true;
  }, [lines, stickToEnd]);

  return (
    <div
      ref={box}
      aria-label={label}
      // A log region: screen readers announce lines as they come (politely).
      role="log"
      // Scrollable, so reachable with the keyboard.
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
      className="max-h-96 min-h-24 overflow-auto rounded-md border border-slate-200 bg-slate-50 py-1 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
    >
      <ol>
        {lines.map((line) => {
          const stream = line.stream ?? 'stdout';
          return (
            <li
              key={line.seq}
              data-stream={stream}
              className={cn(
                'flex gap-2 border-l-2 border-transparent px-2 whitespace-pre-wrap wrap-anywhere',
                streamClasses[stream],
              )}
            >
              <span className="shrink-0 text-slate-600 tabular-nums dark:text-slate-400">{time(line)}</span>
              {showInstance && <span className="shrink-0 text-slate-600 dark:text-slate-400">#{line.instance}</span>}
              {stream !== 'stdout' && <span className="shrink-0 font-semibold">{stream}</span>}
              <span className="min-w-0">{marked(line.line, highlight)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
