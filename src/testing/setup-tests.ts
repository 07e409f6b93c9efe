import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

import { clearToasts } from '@/components/ui/toast-store';

import { resetDb } from './mocks/db';
import { server } from './mocks/server';

// jsdom has no scrolling; the router's ScrollRestoration calls it.
window.scrollTo = () => undefined;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  clearToasts();
  window.localStorage.clear();
  vi.restoreAllMocks();
});
afterAll(() => server.close());
