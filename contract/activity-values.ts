/**
 * The bound of a client's reason. Apart from the schemas of contract/activity.ts (which re-exports it), with no zod
 * import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use it without bringing full zod into
 * the browser.
 */

/** The longest reason a client may give (finalize, cancel/roll back, traffic move); longer is a 400. */
export const REASON_MAX_LENGTH = 500;
