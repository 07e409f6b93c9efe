/**
 * The semver pattern of releases. Apart from the schemas of contract/release.ts,
 * with no zod import, so that the SPA (which reads answers with zod/mini, src/lib/read/) can use them without
 * bringing full zod into the browser.
 */

/** Strict semver 2.0 (no leading `v`): the versions the SPA's form suggests and checks before sending. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
