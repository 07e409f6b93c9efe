import { telemetryMetrics } from '@contract/telemetry';
import {
  AUTO_SWITCH_CLOCK_KEY as SERVER_CLOCK_KEY,
  ruleComparisons as serverComparisons,
  ruleMetrics,
} from '@contract/strategy-parameters';
import { describe, expect, test } from 'vitest';

import { deploymentStrategyReader, strategyValues } from '@/lib/read/deployment-strategy';
import { readRolloutPlan } from '@/lib/read/strategy-parameters';
import { telemetryReader } from '@/lib/read/telemetry';

import { isAlreadyDone } from '../api/already-done';
import { AUTO_SWITCH_CLOCK_KEY, stepsState, timeToFull } from '../auto-steps';
import { describeRule, ruleComparisons, ruleMetricCatalogue } from '../rule-metrics';
import { checkDraft, defaultDraft, draftParameters, hasErrors, newRule, placeServerMessage } from '../strategy-form';
import { describePlan, describeSteps } from '../strategy-plan';
// The nullplatform fixture's strategy, built as the connected journeys get it (pure data, no server).
import { deploymentStrategy } from '../../../../server/testing/nullplatform-fixture/shapes/strategy';

const t0 = Date.parse('2026-01-01T10:00:00.000Z');
const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('what the SPA knows of the local platform stays what the server does', () => {
  test('metrics judged, telemetry answered, comparisons and the steps clock key', () => {
    expect(ruleMetricCatalogue.filter((metric) => metric.local).map((metric) => metric.name)).toEqual([...ruleMetrics]);
    expect(
      ruleMetricCatalogue
        .filter((metric) => metric.localTelemetry)
        .map((metric) => metric.name)
        .sort(),
    ).toEqual([...telemetryMetrics].sort());
    expect(ruleComparisons).toEqual(serverComparisons);
    expect(AUTO_SWITCH_CLOCK_KEY).toBe(SERVER_CLOCK_KEY);
  });
});

describe('reading a plan', () => {
  test("nullplatform's shape (context.json): step as a string fraction, a rule's comparison in either field", () => {
    const plan = readRolloutPlan({
      metrics: {
        enabled: true,
        rules: [
          { metric: 'http.error_rate', comparison: 'greater_than', threshold: 0.3 },
          { metric: 'http.rpm', operation: 'less_than', threshold: '5' },
        ],
      },
      traffic: { enable_auto_switch: true, interval: 30, step: '0.1' },
    });
    expect(plan).toEqual({
      steps: { enabled: true, stepPercent: 10, intervalSeconds: 30 },
      rules: {
        enabled: true,
        rules: [
          { metric: 'http.error_rate', comparison: 'greater_than', threshold: 0.3 },
          { metric: 'http.rpm', comparison: 'less_than', threshold: 5 },
        ],
      },
    });
    expect(plan && describePlan(plan)).toBe(
      '10% every 30 s → 100% in 5 min; roll back if error rate > 30% or request rate < 5 req/min',
    );
  });

  test('what cannot be read is no plan, never a guess', () => {
    expect(readRolloutPlan(undefined)).toBeUndefined();
    expect(readRolloutPlan('fast')).toBeUndefined();
    // A step of 10 is not a fraction: no steps are read from it.
    expect(readRolloutPlan({ traffic: { enable_auto_switch: true, step: 10, interval: 30 } })).toBeUndefined();
    expect(
      readRolloutPlan({
        traffic: { enable_auto_switch: true, step: 10, interval: 30 },
        metrics: { enabled: false, rules: [] },
      }),
    ).toEqual({
      steps: undefined,
      rules: { enabled: false, rules: [] },
    });
  });

  test('the total time counts whole-point steps, as the engine takes them', () => {
    expect(describeSteps({ stepPercent: 30, intervalSeconds: 10 })).toBe('30% every 10 s → 100% in 40 s');
    expect(describeSteps({ stepPercent: 100, intervalSeconds: 90 })).toBe('100% every 1 min 30 s → 100% in 1 min 30 s');
  });

  test('rules in their shown units', () => {
    expect(describeRule({ metric: 'http.response_time', comparison: 'greater_than', threshold: 500 })).toBe(
      'response time > 500 ms',
    );
    expect(describeRule({ metric: 'http.healthcheck_fail', comparison: 'equal', threshold: 2 })).toBe(
      'failed health checks = 2',
    );
    expect(describeRule({ metric: 'custom.metric', comparison: 'above', threshold: 1 })).toBe('custom.metric above 1');
  });
});

describe("a strategy's values", () => {
  test("the local platform's values are taken as they are", () => {
    const values = { traffic: { enable_auto_switch: true, step: '0.2', interval: 5 } };
    expect(strategyValues(values)).toEqual(values);
  });

  test("nullplatform's JSON schema: the properties' defaults", () => {
    const schema = {
      type: 'object',
      title: 'Deployment strategy parameters',
      uiSchema: {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/traffic/properties/step', label: 'Step size' }],
      },
      properties: {
        traffic: {
          type: 'object',
          properties: {
            enable_auto_switch: { type: 'boolean', default: true },
            step: { type: 'string', default: '0.1' },
            interval: { type: 'number', default: 30 },
          },
        },
        metrics: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean', default: false },
            rules: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    };
    expect(strategyValues(schema)).toEqual({
      traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
      metrics: { enabled: false },
    });
    expect(strategyValues({ type: 'object', title: 'no defaults' })).toBeUndefined();
  });
});

describe("the nullplatform fixture's strategy reads as its plan", () => {
  test('name, and the values of its JSON schema', () => {
    const served = deploymentStrategy({
      id: 10,
      name: 'Blue-Green with HTTP error rollback',
      description: 'Gradual traffic shift with rollback if error rate exceeds 0.3',
      nrn: 'organization=1:account=2',
      dimensions: { environment: 'staging' },
      defaults: {
        metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.3 }] },
        traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
      },
      created_at: iso(0),
    });
    const strategy = deploymentStrategyReader.parse(JSON.parse(JSON.stringify(served)));
    expect(strategy).toMatchObject({ id: 10, name: 'Blue-Green with HTTP error rollback', scope_type_ids: [] });
    const plan = readRolloutPlan(strategyValues(strategy.parameters));
    expect(plan && describePlan(plan)).toBe('10% every 30 s → 100% in 5 min; roll back if error rate > 30%');
  });
});

describe('telemetry in either shape', () => {
  test("the local platform's points, with their times", () => {
    const read = telemetryReader.parse({
      metric: 'http.rpm',
      unit: 'requests/min',
      period: 10,
      results: [
        { timestamp: iso(0), value: 60 },
        { timestamp: iso(10), value: null },
      ],
    });
    expect(read).toEqual({
      unit: 'requests/min',
      period: 10,
      points: [
        { at: t0, value: 60 },
        { at: t0 + 10_000, value: null },
      ],
    });
  });

  test("nullplatform's results[].data[].value, several series averaged point by point", () => {
    const read = telemetryReader.parse({
      results: [{ data: [{ value: 1 }, { value: '3' }] }, { data: [{ value: 3 }, { value: null }] }],
    });
    expect(read.points).toEqual([
      { at: undefined, value: 2 },
      { at: undefined, value: 3 },
    ]);
  });
});

describe('the next step', () => {
  const steps = { enabled: true, stepPercent: 25, intervalSeconds: 30 };
  const deployment = (strategyData: Record<string, unknown>, status = 'running') => ({
    status,
    status_started_at: { running: iso(0) },
    strategy_data: strategyData,
  });

  test('before the first step the clock is the start of running; after it, the platform’s own key', () => {
    expect(stepsState(deployment({ desired_switched_traffic: 0 }), steps)).toMatchObject({
      kind: 'stepping',
      nextTo: 25,
      dueAt: t0 + 30_000,
      stepsLeft: 4,
    });
    const later = stepsState(deployment({ desired_switched_traffic: 50, [AUTO_SWITCH_CLOCK_KEY]: iso(70) }), steps);
    expect(later).toMatchObject({ kind: 'stepping', desired: 50, nextTo: 75, dueAt: t0 + 100_000, stepsLeft: 2 });
    if (later.kind === 'stepping') expect(timeToFull(later, steps, t0 + 90_000)).toBe(40_000);
    // nullplatform sends no clock: after the first step, when the next one comes is not known.
    expect(stepsState(deployment({ desired_switched_traffic: 50 }), steps)).toMatchObject({
      kind: 'stepping',
      dueAt: undefined,
    });
  });

  test('paused, at 100%, not running yet, over', () => {
    expect(stepsState(deployment({ desired_switched_traffic: 50 }), { ...steps, enabled: false })).toEqual({
      kind: 'paused',
      desired: 50,
      nextTo: 75,
    });
    expect(stepsState(deployment({ desired_switched_traffic: 100 }), steps)).toEqual({ kind: 'full' });
    expect(stepsState(deployment({}, 'waiting_for_instances'), steps)).toEqual({ kind: 'before_running' });
    expect(stepsState(deployment({}, 'rolled_back'), steps)).toEqual({ kind: 'over' });
  });
});

describe('the custom strategy form', () => {
  test('the default is valid and sends fractions as nullplatform does', () => {
    const draft = defaultDraft();
    expect(hasErrors(checkDraft(draft))).toBe(false);
    expect(draftParameters(draft)).toEqual({
      traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
      metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
    });
  });

  test.for([
    ['0', '"0" is not a step between 0% (excluded) and 100%.'],
    ['100.5', '"100.5" is not a step between 0% (excluded) and 100%.'],
    ['', 'Enter the step: the share of the traffic each step adds, in %.'],
  ] as const)('step %s: %s', ([step, message]) => {
    expect(checkDraft({ ...defaultDraft(), step }).step).toBe(message);
  });

  test.for([
    ['http.error_rate', '150', '"150" is not a share from 0% to 100%.'],
    ['http.error_rate', '-5', '"-5" is not a share from 0% to 100%.'],
    ['http.response_time', '-1', '"-1" is below 0: this metric never is.'],
    ['http.healthcheck_fail', '-1', '"-1" is below 0: this metric never is.'],
    ['http.error_rate', '100', undefined],
    ['http.response_time', '0', undefined],
  ] as const)('rule %s threshold %s: %s', ([metric, threshold, message]) => {
    const rule = newRule({ metric, threshold });
    expect(checkDraft({ ...defaultDraft(), rules: [rule] }).byRule[rule.key]?.threshold).toBe(message);
  });

  test('turned off, steps and rules are not checked', () => {
    expect(hasErrors(checkDraft({ ...defaultDraft(), autoSteps: false, step: 'x', rollback: false, rules: [] }))).toBe(
      false,
    );
    expect(checkDraft({ ...defaultDraft(), rules: [] }).rules).toBe('Add a rule, or turn automatic rollback off.');
  });

  test("the platform's refusals find their field", () => {
    expect(
      placeServerMessage(
        'strategy_data.parameters.traffic.step: traffic.step must be in (0, 1]; metric must be one of http.rpm',
      ),
    ).toEqual({
      step: 'strategy_data.parameters.traffic.step: traffic.step must be in (0, 1]',
      rules: 'metric must be one of http.rpm',
    });
    expect(placeServerMessage('There is already a running deployment in this scope')).toEqual({
      form: 'There is already a running deployment in this scope',
    });
  });
});

describe('a pause or resume refused with 409 counts as done when the deployment already is there', () => {
  const withSteps = (enabled: boolean) => ({
    status: 'running',
    strategy_data: {
      desired_switched_traffic: 30,
      parameters: { traffic: { enable_auto_switch: enabled, step: '0.1', interval: 30 } },
    },
  });
  const pause = { strategy_data: { parameters: { traffic: { enable_auto_switch: false } } } };
  test.for([
    [false, true],
    [true, false],
  ] as const)('steps on: %s → already paused: %s', ([enabled, done]) => {
    expect(isAlreadyDone(pause, withSteps(enabled))).toBe(done);
  });
});
