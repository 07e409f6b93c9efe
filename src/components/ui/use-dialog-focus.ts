import { useRef } from 'react';

import { fallbackSectionOf, focusFirstField, rememberOpener, returnFocus } from './focus-return';

/**
 * The focus handlers of a Radix dialog: on open, the first field of `bodyRef` (when `firstField`), and on close, back
 * to the opener or the section around it (see focus-return.ts).
 */
export function useDialogFocus({ firstField }: { firstField: boolean }) {
  const opener = useRef<HTMLElement | null>(null);
  const fallback = useRef<HTMLElement | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  return {
    bodyRef,
    // Radix calls this before it moves focus, so the focused element is still the one that opened the dialog.
    onOpenAutoFocus: (event: Event) => {
      opener.current = rememberOpener();
      fallback.current = fallbackSectionOf(opener.current);
      if (firstField && focusFirstField(bodyRef.current)) event.preventDefault();
    },
    onCloseAutoFocus: (event: Event) => {
      if (returnFocus(opener.current, fallback.current)) event.preventDefault();
    },
  };
}
