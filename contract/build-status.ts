/**
 * Build statuses as nullplatform's CI action sends them (reference §3, resolved in §10). Apart from the schemas,
 * with no zod import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use them without
 * bringing full zod into the browser.
 */
export const buildStatuses = ['pending', 'in_progress', 'failed', 'successful'] as const;
