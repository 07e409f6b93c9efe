import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

import { Button, buttonClasses, type ButtonVariant } from './button';
import { overlayClasses, panelClasses } from './dialog';
import { useDialogFocus } from './use-dialog-focus';

export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Restate the change: what, where, from → to. */
  description: ReactNode;
  /** Extra content below the description (e.g. an error, a CLI snippet). */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: Extract<ButtonVariant, 'primary' | 'danger'>;
  isPending?: boolean;
  /** The confirm button stays disabled until the user has done what the dialog asks (e.g. typed a name). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
};

/**
 * A confirmation for a consequential action (Radix AlertDialog: focus starts on Cancel, Escape cancels, focus goes back
 * to the opener on close). The confirm button does not close the dialog by itself: the caller closes it when the action
 * succeeds, so errors stay visible.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  isPending = false,
  confirmDisabled = false,
  onConfirm,
}: ConfirmDialogProps) {
  // Opens on the least harmful button (Radix's AlertDialog picks Cancel); closes back to the opener.
  const focus = useDialogFocus({ firstField: false });
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClasses} />
        <AlertDialog.Content
          className={cn(panelClasses, 'max-w-lg')}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          <AlertDialog.Title className="text-lg font-semibold text-slate-900 dark:text-slate-50">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-slate-700 dark:text-slate-300">{description}</div>
          </AlertDialog.Description>
          {children && <div className="mt-4">{children}</div>}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClasses('secondary')} disabled={isPending}>
              {cancelLabel}
            </AlertDialog.Cancel>
            <Button variant={tone} isLoading={isPending} disabled={confirmDisabled} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
