/**
 * The console server's environment, validated once at start-up. Every other module receives a typed Config; nothing
 * else reads process.env.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import { z } from 'zod';

import { type NamedApiKey, parseApiKeys } from './audit/api-key-names';
import { Secret } from './secret';

const durationPattern = /^(\d+)(ms|s|m|h)?$/;
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "90s", "2h", "1500ms" or a plain number of milliseconds. */
function duration(name: string, fallback: string, options: { positive?: boolean } = {}) {
  return z.string().default(fallback).transform(durationCheck(name, options));
}

/** A duration setting without a default: unset stays undefined. */
function optionalDuration(name: string, options: { positive?: boolean } = {}) {
  return z.string().transform(durationCheck(name, options)).optional();
}

function durationCheck(name: string, options: { positive?: boolean }) {
  return (raw: string, ctx: z.core.$RefinementCtx<string>): number => {
    const match = durationPattern.exec(raw.trim());
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be a duration such as 1500ms, 90s, 5m or 2h (got "${raw}")`,
      });
      return z.NEVER;
    }
    const unit = (match[2] ?? 'ms') as keyof typeof unitMs;
    const ms = Number(match[1]) * unitMs[unit];
    if (options.positive === true && ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `${name} must be longer than 0 (got "${raw}")` });
      return z.NEVER;
    }
    return ms;
  };
}

/**
 * NP_API_URL: the API's address, http(s) with no path: nullplatform's paths start at the root (`/token`,
 * `/application`, …). The one path allowed is `/api`, where another np-console serves its local platform (so a
 * connected console can stand in front of one, as the tests do). Normalized without a trailing slash, e.g.
 * `https://api.nullplatform.com` or `http://127.0.0.1:4000/api`.
 */
/** Where an np-console serves its local platform's API. */
const LOCAL_PLATFORM_API_PATH = '/api';

const apiUrlSchema = z.string().transform((raw, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const example = 'such as https://api.nullplatform.com';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail(`NP_API_URL must be an http(s) URL ${example} (got "${raw}")`);
  }
  // Checked before anything that echoes the value: a URL with credentials must not end up in a log.
  if (url.username !== '' || url.password !== '') {
    return fail('NP_API_URL must not carry credentials (user:password@); the key goes in NP_API_KEY');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`NP_API_URL must start with http:// or https:// (got "${url.protocol}" in "${raw}")`);
  }
  const path = url.pathname.replace(/\/$/, '');
  if ((path !== '' && path !== LOCAL_PLATFORM_API_PATH) || url.search !== '' || url.hash !== '') {
    return fail(`NP_API_URL must be the API's address with no path, query or fragment, ${example} (got "${raw}")`);
  }
  return `${url.origin}${path}`;
});

const switchSchema = (name: string) =>
  z
    .string()
    .default('0')
    .transform((raw, ctx) => {
      const value = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be 1 or 0 (got "${raw}")` });
      return z.NEVER;
    });

/** Comma-separated keys; the values never appear in a message. */
/** NP_CONSOLE_API_KEYS: `name:key` or `key` entries, comma-separated (audit/api-key-names.ts). */
const keyListSchema = z.string().transform((raw, ctx) => {
  const { keys, errors } = parseApiKeys(raw);
  for (const error of errors) ctx.addIssue({ code: 'custom', message: `NP_CONSOLE_API_KEYS: ${error}` });
  return errors.length > 0 ? z.NEVER : keys;
});

/**
 * NP_CONSOLE_ASSET_ROOTS: comma-separated absolute paths of existing folders. Relative paths are refused rather than
 * resolved: the folder they mean would depend on where the console was started, and these say what code may run.
 */
const assetRootsSchema = z.string().transform((raw, ctx) => {
  const roots: string[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    if (!isAbsolute(entry)) {
      ctx.addIssue({
        code: 'custom',
        message: `NP_CONSOLE_ASSET_ROOTS must list absolute paths, comma-separated (got "${entry}")`,
      });
      continue;
    }
    if (!isFolder(entry)) {
      ctx.addIssue({
        code: 'custom',
        message: `NP_CONSOLE_ASSET_ROOTS names ${entry}, which is not a folder on this machine`,
      });
      continue;
    }
    roots.push(resolve(entry));
  }
  return roots;
});

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const hostPattern = /^[\w.:-]+$/;

/** The addresses only this machine can reach. */
const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.trim().toLowerCase());
}

const envSchema = z.object({
  HOST: z
    .string()
    .default('127.0.0.1')
    .refine((value) => hostPattern.test(value), 'HOST must be a host name or an IP address'),
  NP_CONSOLE_ALLOW_REMOTE: switchSchema('NP_CONSOLE_ALLOW_REMOTE'),
  PORT: z
    .string()
    .default('4000')
    .transform((raw, ctx) => {
      const port = Number(raw);
      if (!/^\d+$/.test(raw) || port > 65535) {
        ctx.addIssue({ code: 'custom', message: `PORT must be a port number from 0 to 65535 (got "${raw}")` });
        return z.NEVER;
      }
      return port;
    }),
  NP_CONSOLE_DATA: z.string().min(1, 'NP_CONSOLE_DATA must not be empty').default('./.np-console'),
  NP_CONSOLE_SEED: z.enum(['demo', 'none'], { error: 'NP_CONSOLE_SEED must be demo or none' }).default('demo'),
  NP_CONSOLE_DEPLOYMENT_EXPIRY: duration('NP_CONSOLE_DEPLOYMENT_EXPIRY', '2h'),
  NP_CONSOLE_HEALTH_TIMEOUT: duration('NP_CONSOLE_HEALTH_TIMEOUT', '60s'),
  NP_CONSOLE_HEALTH_INTERVAL: duration('NP_CONSOLE_HEALTH_INTERVAL', '500ms'),
  NP_CONSOLE_DRAIN_TIMEOUT: duration('NP_CONSOLE_DRAIN_TIMEOUT', '10s'),
  NP_API_URL: apiUrlSchema.optional(),
  NP_API_KEY: z
    .string()
    .transform((raw) => raw.trim())
    .optional(),
  NP_API_TIMEOUT: duration('NP_API_TIMEOUT', '15s', { positive: true }),
  NP_CONSOLE_REQUIRE_TOKEN: switchSchema('NP_CONSOLE_REQUIRE_TOKEN'),
  NP_CONSOLE_API_KEYS: keyListSchema.optional(),
  NP_CONSOLE_TOKEN_TTL: duration('NP_CONSOLE_TOKEN_TTL', '1h', { positive: true }),
  NP_CONSOLE_ASSET_ROOTS: assetRootsSchema.optional(),
  NP_CONSOLE_KEEP_DATA_PLANE: switchSchema('NP_CONSOLE_KEEP_DATA_PLANE'),
  // No default: unset means nullplatform's own cadence, which no single duration describes.
  NP_CONSOLE_METRIC_CHECK_INTERVAL: optionalDuration('NP_CONSOLE_METRIC_CHECK_INTERVAL', { positive: true }),
  NP_CONSOLE_METRIC_MIN_REQUESTS: z
    .string()
    .default('20')
    .transform((raw, ctx) => {
      if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
        ctx.addIssue({
          code: 'custom',
          message: `NP_CONSOLE_METRIC_MIN_REQUESTS must be a whole number of at least 1 (got "${raw}")`,
        });
        return z.NEVER;
      }
      return Number(raw);
    }),
});

/** Connected mode: `/api` is forwarded to a nullplatform API instead of the local platform. */
export type ConnectedConfig = {
  /** The API's base address without a trailing slash, e.g. `https://api.nullplatform.com`. */
  apiUrl: string;
  /** Exchanged for a token at start-up; stays in server memory (a Secret never prints itself). */
  apiKey: Secret;
  /** Longest wait for an upstream answer before the browser gets 504. */
  timeoutMs: number;
};

/** Access tokens of the local platform (`POST /api/token`). */
export type LocalTokensConfig = {
  /** Whether every /api request but POST /api/token needs `Authorization: Bearer <token>`. */
  required: boolean;
  /** The keys POST /api/token accepts when tokens are required (otherwise any non-empty key), with their names. */
  apiKeys: NamedApiKey[];
  ttlMs: number;
};

export type Config = {
  host: string;
  /** HOST is not a loopback address (NP_CONSOLE_ALLOW_REMOTE=1 allowed it): main.ts warns at start-up. */
  remote: boolean;
  port: number;
  dataDir: string;
  seed: 'demo' | 'none';
  deploymentExpiryMs: number;
  healthTimeoutMs: number;
  healthIntervalMs: number;
  drainTimeoutMs: number;
  /** Null: the local platform (default). */
  connected: ConnectedConfig | null;
  tokens: LocalTokensConfig;
  /**
   * Folders besides demo-apps/ under which `file:` assets may point (NP_CONSOLE_ASSET_ROOTS): absolute, existing
   * folders. Whoever can deploy runs the code in them as the console's user.
   */
  assetRoots: string[];
  /**
   * NP_CONSOLE_KEEP_DATA_PLANE=1: a deliberate stop (Ctrl-C, SIGTERM) leaves the data plane (every scope's address
   * and instances) serving, and the next start reattaches to it. Default: stop it too.
   */
  keepDataPlane: boolean;
  /**
   * NP_CONSOLE_METRIC_CHECK_INTERVAL: how often metric rules are checked, instead of nullplatform's cadence (30 s for
   * the first 5 minutes, then every minute); for tests and demos. Undefined: the reference's cadence.
   */
  metricCheckIntervalMs: number | undefined;
  /** NP_CONSOLE_METRIC_MIN_REQUESTS: fewer requests in the window than this, and request metrics are not judged. */
  metricMinRequests: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // Empty variables count as unset, so `PORT= npm start` behaves like `npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  const errors = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...crossChecks(present),
  ];
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const values = parsed.data;
  const connected =
    values.NP_API_URL !== undefined && values.NP_API_KEY !== undefined
      ? { apiUrl: values.NP_API_URL, apiKey: new Secret(values.NP_API_KEY), timeoutMs: values.NP_API_TIMEOUT }
      : null;
  return {
    ok: true,
    config: {
      host: values.HOST,
      remote: !isLoopbackHost(values.HOST),
      port: values.PORT,
      dataDir: resolve(values.NP_CONSOLE_DATA),
      seed: values.NP_CONSOLE_SEED,
      deploymentExpiryMs: values.NP_CONSOLE_DEPLOYMENT_EXPIRY,
      healthTimeoutMs: values.NP_CONSOLE_HEALTH_TIMEOUT,
      healthIntervalMs: values.NP_CONSOLE_HEALTH_INTERVAL,
      drainTimeoutMs: values.NP_CONSOLE_DRAIN_TIMEOUT,
      connected,
      tokens: {
        required: values.NP_CONSOLE_REQUIRE_TOKEN,
        apiKeys: values.NP_CONSOLE_API_KEYS ?? [],
        ttlMs: values.NP_CONSOLE_TOKEN_TTL,
      },
      assetRoots: values.NP_CONSOLE_ASSET_ROOTS ?? [],
      keepDataPlane: values.NP_CONSOLE_KEEP_DATA_PLANE,
      metricCheckIntervalMs: values.NP_CONSOLE_METRIC_CHECK_INTERVAL,
      metricMinRequests: values.NP_CONSOLE_METRIC_MIN_REQUESTS,
    },
  };
}

/** Rules between variables. Messages name variables, never a key's value. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const errors: string[] = [];
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  // Bound to another address the console is reachable from the network, and its Host check (against DNS rebinding)
  // is no authentication: anyone who reaches it could deploy, delete, or act with the connected API key. Only an
  // explicit opt-in allows that. (A malformed HOST is reported by the schema already.)
  const host = env['HOST'] ?? '127.0.0.1';
  const allowRemote = ['1', 'true', 'yes', 'on'].includes((env['NP_CONSOLE_ALLOW_REMOTE'] ?? '').trim().toLowerCase());
  if (hostPattern.test(host) && !isLoopbackHost(host) && !allowRemote) {
    errors.push(
      `HOST: HOST=${host} would make the console reachable from the network, where nothing authenticates its users; ` +
        'use HOST=127.0.0.1, or also set NP_CONSOLE_ALLOW_REMOTE=1 if that is what you want',
    );
  }
  if (has('NP_API_URL') && !has('NP_API_KEY')) {
    errors.push(
      'NP_API_KEY: NP_API_KEY is missing: connected mode needs both NP_API_URL and NP_API_KEY (unset NP_API_URL to use the local platform)',
    );
  }
  if (has('NP_API_KEY') && !has('NP_API_URL')) {
    errors.push(
      'NP_API_URL: NP_API_URL is missing: connected mode needs both NP_API_URL and NP_API_KEY (e.g. NP_API_URL=https://api.nullplatform.com)',
    );
  }
  const requireRaw = (env['NP_CONSOLE_REQUIRE_TOKEN'] ?? '').trim().toLowerCase();
  const requireToken = ['1', 'true', 'yes', 'on'].includes(requireRaw);
  const requireOff = ['', '0', 'false', 'no', 'off'].includes(requireRaw);
  const hasKeys = (env['NP_CONSOLE_API_KEYS'] ?? '').split(',').some((key) => key.trim() !== '');
  if (requireToken && !hasKeys) {
    errors.push(
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS is required when NP_CONSOLE_REQUIRE_TOKEN=1: give the API keys POST /api/token accepts, comma-separated',
    );
  }
  if (requireOff && has('NP_CONSOLE_API_KEYS')) {
    errors.push(
      'NP_CONSOLE_API_KEYS: NP_CONSOLE_API_KEYS has no effect without NP_CONSOLE_REQUIRE_TOKEN=1; set both or neither',
    );
  }
  if (requireToken && (has('NP_API_URL') || has('NP_API_KEY'))) {
    errors.push(
      'NP_CONSOLE_REQUIRE_TOKEN: NP_CONSOLE_REQUIRE_TOKEN protects the local platform; in connected mode (NP_API_URL) nullplatform checks its own tokens, so unset it',
    );
  }
  return errors;
}
