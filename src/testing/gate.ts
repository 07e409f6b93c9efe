/**
 * An answer held back until the test lets it go: a page's loading state is seen for certain, however early its
 * loader asked (a fixed delay races the page's own code).
 */
export function heldAnswer(): { held: Promise<void>; release(): void } {
  let resolveHeld: (() => void) | undefined;
  const held = new Promise<void>((resolve) => {
    resolveHeld = resolve;
  });
  return { held, release: () => resolveHeld?.() };
}
