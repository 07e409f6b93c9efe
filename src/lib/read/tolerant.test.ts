/**
 * The tolerant reader's rules (tolerant.ts), through the readers the pages use: what must read, what degrades to
 * unreadable, and the words an answer that cannot be read is reported with.
 */
import { describe, expect, test } from 'vitest';

import { applicationReader } from './application';
import { deploymentReader } from './deployment';
import { listOf } from './list';
import { scopeReader } from './scope';
import { isUnreadable, UNREADABLE_KEY, unreadableValue } from './tolerant';

function issues(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}) {
  return result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('tolerant readers', () => {
  test('ids read from numbers and numeric strings; a missing or malformed id fails the answer, naming the field', () => {
    expect(applicationReader.parse({ id: '12' }).id).toBe(12);
    expect(issues(applicationReader.safeParse({ name: 'x' }))).toEqual([{ path: 'id', message: 'expected an id' }]);
    expect(issues(applicationReader.safeParse({ id: 'a1' }))).toEqual([
      { path: 'id', message: 'expected a numeric id' },
    ]);
    expect(issues(applicationReader.safeParse({ id: 0 }))).toEqual([{ path: 'id', message: 'expected a positive id' }]);
    expect(issues(applicationReader.safeParse({ id: 1.5 }))).toEqual([
      { path: 'id', message: 'Invalid input: expected int, received number' },
    ]);
    expect(issues(applicationReader.safeParse('nope'))).toEqual([
      { path: '', message: 'Invalid input: expected object, received string' },
    ]);
  });

  test('a shown field of another shape reads as undefined and keeps its raw value; unknown fields pass through', () => {
    const application = applicationReader.parse({
      id: 1,
      name: { first: 'a' },
      tags: { team: 'web', tier: 2 },
      created_at: 'yesterday',
      extra: [1],
    });
    expect(application.name).toBeUndefined();
    expect(isUnreadable(application, 'name')).toBe(true);
    expect(unreadableValue(application, 'name')).toEqual({ first: 'a' });
    expect(unreadableValue(application, 'created_at')).toBe('yesterday');
    expect(application.tags).toEqual({ team: 'web', tier: '2' });
    expect(application).toMatchObject({ extra: [1] });
    expect(UNREADABLE_KEY in applicationReader.parse({ id: 1, name: 'ok' })).toBe(false);
  });

  test("a deployment's status must read, in the words full zod uses; its messages read whatever their shape", () => {
    expect(issues(deploymentReader.safeParse({ id: 1, scope_id: 2, release_id: 3, status: 5 }))).toEqual([
      { path: 'status', message: 'Invalid input: expected string, received number' },
    ]);
    const deployment = deploymentReader.parse({
      id: 1,
      scope_id: 2,
      release_id: 3,
      status: 'running',
      strategy_data: { desired_switched_traffic: '30', switched_traffic: 'x' },
      messages: [{ level: 'info', message: 'hi', timestamp: 1 }, 'raw text', 5],
      expires_at: null,
    });
    expect(deployment.strategy_data).toEqual({
      desired_switched_traffic: 30,
      [UNREADABLE_KEY]: { switched_traffic: 'x' },
    });
    expect(deployment.messages?.map((message) => message.message)).toEqual(['hi', '"raw text"', '5']);
    expect(deployment.expires_at).toBeNull();
    expect(deploymentReader.parse({ id: 1, scope_id: 2, release_id: 3, status: 'creating' }).strategy_data).toEqual({});
  });

  test("a scope's active deployment reads under either name, as an id or as the deployment", () => {
    expect(scopeReader.parse({ id: 1, application_id: 2, current_active_deployment: '7' }).active_deployment).toBe(7);
    expect(scopeReader.parse({ id: 1, application_id: 2, active_deployment: { id: 8 } }).active_deployment).toBe(8);
    expect(
      scopeReader.parse({ id: 1, application_id: 2, active_deployment: null, current_active_deployment: 9 })
        .active_deployment,
    ).toBeNull();
    expect('active_deployment' in scopeReader.parse({ id: 1, application_id: 2 })).toBe(false);
    const scope = scopeReader.parse({
      id: 1,
      application_id: 2,
      capabilities: 'flat',
      domains: [{ name: 'a.example' }, { name: 3 }],
    });
    expect(unreadableValue(scope, 'capabilities')).toBe('flat');
    expect(scope.domains).toEqual([{ name: 'a.example' }, { name: '3' }]);
  });

  test('a list needs readable results; paging it cannot read is one page of what came', () => {
    const applications = listOf(applicationReader);
    expect(applications.parse({ results: [{ id: 1 }, { id: 2 }] }).paging).toEqual({ total: 2, offset: 0, limit: 2 });
    expect(applications.parse({ results: [], paging: { total: '5', offset: 0, limit: 'x' } }).paging).toEqual({
      total: 5,
      offset: 0,
      limit: 1,
    });
    expect(issues(applications.safeParse({ results: [{ id: 1 }, { id: 'q' }] }))).toEqual([
      { path: 'results.1.id', message: 'expected a numeric id' },
    ]);
    expect(issues(applications.safeParse({ paging: {} }))).toEqual([
      { path: 'results', message: 'Invalid input: expected array, received undefined' },
    ]);
  });
});
