/**
 * The console server's environment, validated once at start-up. Every other module receives a typed Config; nothing
 * else reads process.env.
 */
import { resolve } from 'node:path';

import { z } from 'zod';

const durationPattern = /^(\d+)(ms|s|m|h)?$/;
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "90s", "2h", "1500ms" or a plain number of milliseconds. */
function duration(name: string, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((raw, ctx) => {
      const match = durationPattern.exec(raw.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as 1500ms, 90s, 5m or 2h (got "${raw}")` });
        return z.NEVER;
      }
      const unit = (match[2] ?? 'ms') as keyof typeof unitMs;
      return Number(match[1]) * unitMs[unit];
    });
}

const envSchema = z.object({
  HOST: z
    .string()
    .default('127.0.0.1')
    .refine((value) => /^[\w.:-]+$/.test(value), 'HOST must be a host name or an IP address'),
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
});

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  seed: 'demo' | 'none';
  deploymentExpiryMs: number;
  healthTimeoutMs: number;
  healthIntervalMs: number;
  drainTimeoutMs: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // Empty variables count as unset, so `PORT= npm start` behaves like `npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const values = parsed.data;
  return {
    ok: true,
    config: {
      host: values.HOST,
      port: values.PORT,
      dataDir: resolve(values.NP_CONSOLE_DATA),
      seed: values.NP_CONSOLE_SEED,
      deploymentExpiryMs: values.NP_CONSOLE_DEPLOYMENT_EXPIRY,
      healthTimeoutMs: values.NP_CONSOLE_HEALTH_TIMEOUT,
      healthIntervalMs: values.NP_CONSOLE_HEALTH_INTERVAL,
      drainTimeoutMs: values.NP_CONSOLE_DRAIN_TIMEOUT,
    },
  };
}
