/**
 * A tiny store of toasts so non-React code (the QueryCache) can raise one. The Toaster renders them; it is loaded
 * only when the first toast arrives, which keeps Radix out of the first page's JavaScript.
 */
import { useSyncExternalStore } from 'react';

export type ToastTone = 'info' | 'error' | 'success';
export type ToastItem = { id: number; title: string; description?: string; tone: ToastTone };

let toasts: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** Shows a toast; a toast with the same title and description as one on screen is not repeated. */
export function showToast(toast: Omit<ToastItem, 'id' | 'tone'> & { tone?: ToastTone }): void {
  if (toasts.some((item) => item.title === toast.title && item.description === toast.description)) return;
  const item: ToastItem = { tone: 'info', ...toast, id: nextId++ };
  toasts = [...toasts, item].slice(-4);
  emit();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function clearToasts(): void {
  toasts = [];
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly ToastItem[] {
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
}
