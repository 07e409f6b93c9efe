import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';
import { useDialogFocus } from './use-dialog-focus';

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** The element that opens the dialog; omit to control it from outside. */
  trigger?: ReactNode;
  size?: 'md' | 'lg';
};

export const overlayClasses = 'fixed inset-0 z-40 bg-slate-950/50 backdrop-blur-[1px]';
export const panelClasses =
  'fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-6 shadow-xl dark:border-slate-700 dark:bg-slate-900';

/**
 * A modal dialog (Radix: focus trap, Escape, labelled by its title and described by its description). It opens on
 * its first field and gives focus back to what opened it.
 */
export function Dialog({ open, onOpenChange, title, description, children, trigger, size = 'md' }: DialogProps) {
  const focus = useDialogFocus({ firstField: true });
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClasses} />
        <RadixDialog.Content
          className={cn(panelClasses, size === 'lg' ? 'max-w-2xl' : 'max-w-lg')}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          // Without a description Radix would warn; undefined tells it there is none on purpose.
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <RadixDialog.Title className="text-lg font-semibold text-slate-900 dark:text-slate-50">
                {title}
              </RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                  {description}
                </RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close
              className={cn(
                'rounded p-1 text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800',
                focusRing,
              )}
              aria-label="Close"
            >
              <span aria-hidden="true">✕</span>
            </RadixDialog.Close>
          </div>
          <div ref={focus.bodyRef}>{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-wrap justify-end gap-2">{children}</div>;
}
