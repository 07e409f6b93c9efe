/**
 * Where focus goes when a dialog opens and closes (Radix's `onOpenAutoFocus` / `onCloseAutoFocus`).
 *
 * Opening: the first field of the dialog's body, not the ✕ in its header (Radix would pick the first focusable
 * element, which is the ✕). Closing: back to the element that opened the dialog. When that element is gone or disabled
 * — a Finalize button after finalizing — focus goes to the nearest `[data-focus-return]` around it (a page section),
 * so it never falls to the document body.
 */
const fieldSelector = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';
const focusableSelector = `${fieldSelector}, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])`;

/** Focus the first field of `body`, or its first focusable element; false when it has none. */
export function focusFirstField(body: HTMLElement | null): boolean {
  const target = body?.querySelector<HTMLElement>(fieldSelector) ?? body?.querySelector<HTMLElement>(focusableSelector);
  if (!target) return false;
  target.focus();
  return true;
}

/** The element focused now, to give focus back to later. */
export function rememberOpener(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;
}

function usable(element: HTMLElement): boolean {
  return element.isConnected && !(element as HTMLButtonElement).disabled;
}

/**
 * Give focus back to `opener`, or to the section around where it was. Returns false when neither can take it (Radix
 * then does what it does by default).
 */
export function returnFocus(opener: HTMLElement | null, fallbackSection: HTMLElement | null): boolean {
  if (opener && usable(opener)) {
    opener.focus();
    return true;
  }
  if (fallbackSection?.isConnected) {
    fallbackSection.focus();
    return true;
  }
  return false;
}

/** The section that takes focus if the opener cannot: it must be focusable by script (tabIndex -1). */
export function fallbackSectionOf(opener: HTMLElement | null): HTMLElement | null {
  return opener?.closest<HTMLElement>('[data-focus-return]') ?? null;
}
