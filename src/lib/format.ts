/** Human formatting of timestamps and small values. Pure; `now` is injectable for tests. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toMs(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(value);
}

/** "just now", "3 min ago", "2 h ago", "5 days ago", or a date for anything older than 30 days. */
export function formatAge(value: string | number | Date | null | undefined, now: number = Date.now()): string {
  if (value === null || value === undefined) return '—';
  const at = toMs(value);
  if (Number.isNaN(at)) return '—';
  const elapsed = now - at;
  if (elapsed < 0) {
    const ahead = -elapsed;
    if (ahead < MINUTE) return 'in a few seconds';
    if (ahead < HOUR) return `in ${Math.round(ahead / MINUTE)} min`;
    if (ahead < DAY) return `in ${Math.round(ahead / HOUR)} h`;
    return `in ${Math.round(ahead / DAY)} days`;
  }
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.round(elapsed / HOUR)} h ago`;
  const days = Math.round(elapsed / DAY);
  if (days <= 30) return days === 1 ? 'yesterday' : `${days} days ago`;
  return formatDate(at);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const at = toMs(value);
  return Number.isNaN(at) ? '—' : dateTimeFormat.format(at);
}

export function formatDate(value: string | number | Date): string {
  const at = toMs(value);
  return Number.isNaN(at) ? '—' : dateFormat.format(at);
}

/** Duration between two instants: "45 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  // Past two days, hours are counted in days ("7555 h" reads as nothing).
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** The first 7 characters of a commit sha, as git shows it. */
export function shortCommit(id: string): string {
  return /^[0-9a-f]{8,}$/i.test(id) ? id.slice(0, 7) : id;
}

/** "running" from "waiting_for_instances" → "waiting for instances". */
export function humanize(value: string): string {
  return value.replaceAll('_', ' ');
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The time of day only ("10:42:05"), for "stale since". */
export function formatTime(value: string | number | Date): string {
  const at = toMs(value);
  return Number.isNaN(at) ? '—' : timeFormat.format(at);
}
