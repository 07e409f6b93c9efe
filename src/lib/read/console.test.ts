/** The SPA's readers of the console's own endpoints (zod/mini) accept and refuse what the contract's schemas do. */
import { changeEventSchema, scopeRuntimeSchema, scopeTrafficSchema } from '@contract/console';
import { describe, expect, test } from 'vitest';

import { changeEventReader, scopeRuntimeReader, scopeTrafficReader } from './console';

const traffic = {
  scope_id: 3,
  address: 'http://127.0.0.1:5000',
  window_seconds: 60,
  samples: [
    { at: 1, counts: { '7': 2 }, errors: 0, errors_by_deployment: { '7': 0 }, latency_ms: { '7': { '12': 2 } } },
  ],
  totals: { '7': 2 },
  weights: { '7': 100 },
};
const runtime = {
  scope_id: 3,
  address: null,
  health_check_path: '/health',
  instances: [
    {
      deployment_id: 7,
      index: 0,
      pid: 10,
      port: 4100,
      state: 'healthy',
      restarts: 0,
      last_health: { at: 1, status_code: 200, error: null },
    },
  ],
};
const change = { resource: 'deployment', action: 'updated', id: 7, entity: { id: 7 } };

const cases = [
  {
    name: 'traffic',
    reader: scopeTrafficReader,
    schema: scopeTrafficSchema,
    valid: traffic,
    invalid: [
      { ...traffic, scope_id: 0 },
      { ...traffic, samples: [{ at: 1 }] },
      { ...traffic, weights: { '7': '100' } },
    ],
  },
  {
    name: 'runtime',
    reader: scopeRuntimeReader,
    schema: scopeRuntimeSchema,
    valid: runtime,
    invalid: [
      { ...runtime, instances: [{ ...runtime.instances[0], state: 'odd' }] },
      { ...runtime, health_check_path: null },
      { ...runtime, instances: [{ ...runtime.instances[0], index: 0.5 }] },
    ],
  },
  {
    name: 'change event',
    reader: changeEventReader,
    schema: changeEventSchema,
    valid: change,
    invalid: [
      { ...change, resource: 'token' },
      { ...change, action: 'moved' },
      { ...change, id: -1 },
      { ...change, entity: [] },
    ],
  },
];

describe('console readers', () => {
  for (const { name, reader, schema, valid, invalid } of cases) {
    test(`${name}: reads what the contract reads, refuses what it refuses`, () => {
      expect(reader.parse({ ...valid, extra: true })).toEqual(schema.parse({ ...valid, extra: true }));
      for (const input of invalid) {
        expect(schema.safeParse(input).success).toBe(false);
        expect(reader.safeParse(input).success).toBe(false);
      }
    });
  }
});
