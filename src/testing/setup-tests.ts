import '@testing-library/jest-dom/vitest';

import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

import { clearToasts } from '@/components/ui/toast-store';
import { clearTrouble } from '@/lib/upstream-trouble';

import { resetDb } from './mocks/db';
import { server } from './mocks/server';

// The machines that run these tests are shared and sometimes busy: wait longer than the 1 s default for the UI to
// settle (a passing test never waits the whole time).
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

// jsdom has no scrolling; the router's ScrollRestoration calls it.
window.scrollTo = () => undefined;

// jsdom has no ResizeObserver; Radix's slider measures its thumb with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  clearToasts();
  clearTrouble();
  window.localStorage.clear();
  vi.restoreAllMocks();
});
afterAll(() => server.close());
