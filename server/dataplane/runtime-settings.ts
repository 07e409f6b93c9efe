/** What the console tells a runtime it spawns: one JSON argument, checked by the runtime before it does anything. */
import { z } from 'zod';

export const runtimeSettingsSchema = z.strictObject({
  instanceTag: z.string().regex(/^[\w.-]+$/),
  socketPath: z.string().min(1),
  infoPath: z.string().min(1),
  /** `<data folder>/logs`: the instances' output, one folder per deployment (server/runtime/log-limits.ts). */
  logsDir: z.string().min(1),
  healthIntervalMs: z.number().int().positive(),
  version: z.string(),
});
export type RuntimeSettings = z.infer<typeof runtimeSettingsSchema>;

/** The environment variable that marks a runtime process as the one of a data folder (its value: the folder's tag). */
export const runtimeMarkerVariable = 'NP_CONSOLE_RUNTIME';
