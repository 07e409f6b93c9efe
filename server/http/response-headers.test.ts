import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { securityMiddleware, setResponseHeader } from './security';

/** The middlewares' headers go on the handler's own Response: rebuilding it would stream its body (slow path). */
describe('headers set after next()', () => {
  function app(answer: () => Response) {
    let made: Response | undefined;
    const hono = new Hono();
    hono.use('*', securityMiddleware({ allowedHosts: ['localhost'] }));
    hono.use('*', async (c, next) => {
      await next();
      setResponseHeader(c, 'Cache-Control', 'no-store');
    });
    hono.get('/', () => (made = answer()));
    return { hono, made: () => made };
  }

  it('are set in place on the handler’s Response', async () => {
    const { hono, made } = app(() => Response.json({ ok: true }));
    const response = await hono.request('http://localhost/');
    expect(response).toBe(made());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('still arrive when the Response’s headers are immutable', async () => {
    const { hono } = app(() => Response.redirect('http://localhost/elsewhere', 302));
    const response = await hono.request('http://localhost/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost/elsewhere');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
