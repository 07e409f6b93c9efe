import { type Context, Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { commonResponse } from './http-headers';
import { useCommonMiddleware } from './middleware';

/**
 * Every response carries the common headers (and no-store under /api), whoever made it; the middleware adds them to
 * the handler's own Response in place, since rebuilding it would stream its body (slow path).
 */
describe('the common headers', () => {
  function app(answer: (c: Context) => Response) {
    let made: Response | undefined;
    const hono = new Hono();
    useCommonMiddleware(hono, { logger: { error: () => undefined }, allowedHosts: ['localhost'] });
    hono.get('/api/thing', (c) => (made = answer(c)));
    hono.get('/page', (c) => (made = answer(c)));
    return { hono, made: () => made };
  }

  it('are set in place on the handler’s Response', async () => {
    const { hono, made } = app(() => Response.json({ ok: true }));
    const response = await hono.request('http://localhost/api/thing');
    expect(response).toBe(made());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('still arrive when the Response’s headers are immutable', async () => {
    const { hono } = app(() => Response.redirect('http://localhost/elsewhere', 302));
    const response = await hono.request('http://localhost/api/thing');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost/elsewhere');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('come with a response made by commonResponse, Cache-Control only under /api', async () => {
    const { hono } = app((c) => commonResponse(c, '{"ok":true}', 200, { 'Content-Type': 'application/json' }));
    for (const [path, cacheControl] of [
      ['/api/thing', 'no-store'],
      ['/page', null],
    ] as const) {
      const response = await hono.request(`http://localhost${path}`);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
      expect(response.headers.get('content-type'), path).toBe('application/json');
      expect(response.headers.get('cache-control'), path).toBe(cacheControl);
    }
  });
});
