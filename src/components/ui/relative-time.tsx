import { formatAge, formatDateTime } from '@/lib/format';

/** "3 min ago", with the exact date in a tooltip and in `dateTime`. */
export function RelativeTime({ value }: { value: string | number | null | undefined }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  const iso = typeof value === 'number' ? new Date(value).toISOString() : value;
  return (
    <time dateTime={iso} title={formatDateTime(value)}>
      {formatAge(value)}
    </time>
  );
}
