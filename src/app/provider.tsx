import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';

import { describeError } from '@/lib/api-client';
import { useLiveUpdates } from '@/lib/live-updates';
import { createQueryClient } from '@/lib/query-client';
import { showToast, useToasts } from '@/components/ui/toast-store';

// Radix toast is loaded with the first toast, not with the first page.
const Toaster = lazy(() => import('@/components/ui/toaster').then((module) => ({ default: module.Toaster })));

/** "the builds list", "deployment 12": what a query key is about, for a toast. */
export function describeQueryKey(key: readonly unknown[]): string {
  const [resource, kind, id] = key;
  const name = typeof resource === 'string' ? resource : 'data';
  if (kind === 'detail' && (typeof id === 'number' || typeof id === 'string')) return `${name} ${id}`;
  if (kind === 'list') return `the ${name} list`;
  if (kind === 'info') return 'the console status';
  return name;
}

/** The app's QueryClient: the lib defaults plus a toast for every failed background refresh. */
export function createAppQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return createQueryClient({
    ...options,
    onBackgroundError: (error, query) => {
      showToast({
        tone: 'error',
        title: `Couldn't refresh ${describeQueryKey(query.queryKey)}`,
        description: describeError(error),
      });
    },
  });
}

function LiveUpdates() {
  useLiveUpdates();
  return null;
}

function Toasts() {
  const toasts = useToasts();
  if (toasts.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Toaster toasts={toasts} />
    </Suspense>
  );
}

export type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  return (
    <QueryClientProvider client={client}>
      <LiveUpdates />
      {children}
      <Toasts />
    </QueryClientProvider>
  );
}
