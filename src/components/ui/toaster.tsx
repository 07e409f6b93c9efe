import * as Toast from '@radix-ui/react-toast';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';
import { dismissToast, type ToastItem } from './toast-store';

const toneClasses = {
  info: 'border-slate-300 dark:border-slate-600',
  success: 'border-emerald-400 dark:border-emerald-700',
  error: 'border-red-400 dark:border-red-700',
} as const;

/** Radix toasts: announced politely, dismissable with a button, Escape or a swipe; paused while hovered. */
export function Toaster({ toasts }: { toasts: readonly ToastItem[] }) {
  return (
    <Toast.Provider swipeDirection="right" duration={8000}>
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismissToast(toast.id);
          }}
          className={cn(
            'flex items-start gap-3 rounded-lg border-l-4 bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700',
            toneClasses[toast.tone],
          )}
        >
          <div className="min-w-0 flex-1">
            <Toast.Title className="font-semibold text-slate-900 dark:text-slate-50">{toast.title}</Toast.Title>
            {toast.description && (
              <Toast.Description className="mt-1 text-slate-700 dark:text-slate-300">
                {toast.description}
              </Toast.Description>
            )}
          </div>
          <Toast.Close
            aria-label="Dismiss"
            className={cn('rounded px-1 text-slate-500 hover:text-slate-900 dark:hover:text-slate-100', focusRing)}
          >
            <span aria-hidden="true">✕</span>
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-0 bottom-0 z-[60] m-4 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
    </Toast.Provider>
  );
}
