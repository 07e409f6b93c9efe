import type { ScopeTraffic } from '@contract/console';
import { describe, expect, test } from 'vitest';

import { allowedActions, readOnlyReason, statusActionsFor, statusesAllowing } from '../status-actions';
import { timelineSteps } from '../timeline';
import { describeSplit, describeTrafficChange, trafficLock } from '../traffic-change';
import { chartModel, niceCeiling, recentShareSummary } from '../traffic-series';

const t0 = Date.parse('2026-01-01T10:00:00.000Z');
const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('timelineSteps', () => {
  test('orders the steps by time, whatever order the map has, with each duration up to the next step', () => {
    const steps = timelineSteps(
      { status: 'running', status_started_at: { running: iso(12), creating: iso(0), waiting_for_instances: iso(2) } },
      t0 + 20_000,
    );
    expect(steps.map((step) => step.status)).toEqual(['creating', 'waiting_for_instances', 'running']);
    expect(steps.map((step) => step.durationMs)).toEqual([2_000, 10_000, 8_000]);
    expect(steps.map((step) => step.current)).toEqual([false, false, true]);
    expect(steps.map((step) => step.tone)).toEqual(['done', 'done', 'current']);
  });

  test('steps at the same instant keep the order the server wrote them in', () => {
    const steps = timelineSteps({
      status: 'finalized',
      status_started_at: { running: iso(1), finalizing: iso(1), finalized: iso(1) },
    });
    expect(steps.map((step) => step.status)).toEqual(['running', 'finalizing', 'finalized']);
  });

  test.for([
    ['finalized', 'success'],
    ['failed', 'danger'],
    ['rolled_back', 'warning'],
    ['cancelled', 'warning'],
  ] as const)('a %s deployment ends in a %s step without a running duration', ([status, tone]) => {
    const steps = timelineSteps({ status, status_started_at: { creating: iso(0), [status]: iso(5) } }, t0 + 60_000);
    expect(steps.at(-1)).toMatchObject({ status, tone, current: true, durationMs: undefined });
  });

  test('a status the map does not have yet is still shown as current', () => {
    const steps = timelineSteps({ status: 'running', status_started_at: { creating: iso(0) } }, t0 + 5_000);
    expect(steps.map((step) => step.status)).toEqual(['creating', 'running']);
    expect(steps[1]?.current).toBe(true);
    expect(Number.isNaN(steps[1]?.startedAt)).toBe(true);
  });
});

describe('traffic wording', () => {
  const names = { old: '1.1.0', new: '1.2.0' };

  test('a change restates both sides, old first', () => {
    expect(describeTrafficChange(names, 0, 30)).toBe('old (1.1.0) 100% → 70%, new (1.2.0) 0% → 30%');
    expect(describeTrafficChange(names, 25, 50)).toBe('old (1.1.0) 75% → 50%, new (1.2.0) 25% → 50%');
    expect(describeSplit(names, 30)).toBe('1.1.0 70%, 1.2.0 30%');
  });

  const bg = (
    status: string,
    strategy_data: Record<string, number> = { switched_traffic: 10, desired_switched_traffic: 10 },
  ) => ({
    status,
    strategy: 'blue_green',
    strategy_data,
  });

  test('the controls lock while a change is in flight, while one is sent, and where the lifecycle refuses', () => {
    expect(trafficLock(bg('running'), false)).toBeUndefined();
    expect(trafficLock(bg('running'), true)).toBe('Sending the traffic change…');
    expect(trafficLock(bg('running', { switched_traffic: 10, desired_switched_traffic: 40 }), false)).toMatch(
      /in progress: 40% requested, 10% applied/,
    );
    expect(trafficLock(bg('finalized'), false)).toBe(
      'The controls are locked: traffic can be moved only while the deployment is waiting for instances, running; it is finalized.',
    );
    expect(trafficLock({ ...bg('running'), strategy: 'initial' }, false)).toMatch(
      /initial deployment takes all the traffic/,
    );
    expect(trafficLock(bg('sleeping'), false)).toMatch(/does not know/);
  });
});

describe('status actions', () => {
  test.for([
    // Roll back is `cancelling`, as nullplatform's UI sends it; `rolling_back` is never asked for.
    ['running', 'blue_green', ['finalizing', 'cancelling']],
    ['running', 'initial', ['finalizing', 'cancelling']],
    ['creating', 'blue_green', ['cancelling']],
    ['waiting_for_instances', 'initial', ['cancelling']],
    ['finalizing', 'blue_green', []],
    ['failed', 'blue_green', []],
    ['made_up', 'blue_green', []],
    ['running', 'canary', []],
  ] as const)('%s %s allows %j', ([status, strategy, expected]) => {
    expect([...allowedActions({ status, strategy })].sort()).toEqual([...expected].sort());
  });

  test('says from which statuses an action can be asked for', () => {
    expect(statusesAllowing('finalizing', 'blue_green')).toEqual(['running']);
    expect(statusesAllowing('cancelling', 'canary')).toEqual([]);
  });

  test('one rollback for blue/green, one cancel for initial, nothing for strategies the console has no rules for', () => {
    expect(statusActionsFor('blue_green').map((action) => [action.label, action.target])).toEqual([
      ['Finalize', 'finalizing'],
      ['Roll back', 'cancelling'],
    ]);
    expect(statusActionsFor('initial').map((action) => [action.label, action.target])).toEqual([
      ['Finalize', 'finalizing'],
      ['Cancel', 'cancelling'],
    ]);
    expect(statusActionsFor('canary')).toEqual([]);
    expect(readOnlyReason({ status: 'running', strategy: 'canary' })).toMatch(/no actions for canary deployments/);
    expect(readOnlyReason({ status: 'creating_approval_pending', strategy: 'blue_green' })).toMatch(
      /does not know the status/,
    );
    expect(readOnlyReason({ status: 'creating_approval', strategy: 'blue_green' })).toMatch(
      /waiting for approval: approve or deny it in nullplatform/,
    );
    expect(readOnlyReason({ status: 'running', strategy: 'blue_green' })).toBeUndefined();
  });
});

describe('traffic series', () => {
  const traffic: ScopeTraffic = {
    scope_id: 2,
    address: '127.0.0.1:5000',
    window_seconds: 60,
    samples: Array.from({ length: 20 }, (_, index) => ({
      at: t0 + index * 1000,
      // The first ten seconds: only the old deployment; the last ten: 7 old, 3 new each second.
      counts: index < 10 ? ({ '2': 10 } as Record<string, number>) : { '2': 7, '5': 3 },
      errors: index === 19 ? 1 : 0,
    })),
    totals: { '2': 170, '5': 30 },
    weights: { '2': 70, '5': 30, '9': 0 },
  };
  const labels = { '2': '1.1.0', '5': '1.2.0' };

  test('stacks the old deployment under the new one, one column per second, and names unknown ones', () => {
    const model = chartModel(traffic, labels, ['2', '5']);
    expect(model.series).toEqual([
      { id: '2', label: '1.1.0', total: 170 },
      { id: '5', label: '1.2.0', total: 30 },
      { id: '9', label: 'deployment #9', total: 0 },
    ]);
    expect(model.columns).toHaveLength(20);
    expect(model.columns.at(-1)?.segments.slice(0, 2)).toEqual([
      { id: '2', from: 0, count: 7 },
      { id: '5', from: 7, count: 3 },
    ]);
    expect(model.max).toBe(10);
    expect(model.errors).toBe(1);
  });

  test('the deployments asked for show even before their first request', () => {
    const model = chartModel({ ...traffic, weights: {} }, { ...labels, '8': '1.3.0' }, ['2', '8']);
    expect(model.series.map((series) => [series.label, series.total])).toEqual([
      ['1.1.0', 170],
      ['1.3.0', 0],
      ['1.2.0', 30],
    ]);
  });

  test('summarises the last ten seconds as shares', () => {
    expect(recentShareSummary(chartModel(traffic, labels, ['2', '5']))).toBe('Last 10 s: 1.1.0 70%, 1.2.0 30%');
    expect(recentShareSummary(chartModel({ ...traffic, samples: [] }, labels, ['2', '5']))).toBe(
      'Last 10 s: no requests',
    );
  });

  test('rounds the axis up', () => {
    expect([0, 1, 3, 7, 10, 11, 42, 180].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });
});
