/** What a caught value says, for a log line: an Error's message (or stack, when asked), anything else as text. */
export function messageOf(error: unknown, options: { stack?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  return options.stack === true ? (error.stack ?? error.message) : error.message;
}
