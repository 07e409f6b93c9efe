/** A scope's dimensions (environment, country…) as key=value chips. */
export function Dimensions({ dimensions }: { dimensions: Record<string, string> | undefined }) {
  const entries = Object.entries(dimensions ?? {});
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Dimensions">
      {entries.map(([key, value]) => (
        <li
          key={key}
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          <span className="text-slate-600 dark:text-slate-400">{key}</span>={value}
        </li>
      ))}
    </ul>
  );
}
