/**
 * The test traffic form: its fields as typed, what is wrong with them (the server's bounds, checked before sending),
 * and which field a refusal of the server belongs to.
 */
import type { StartTestTrafficBody } from '@contract/test-traffic';
import { TEST_TRAFFIC_MAX_RATE, TEST_TRAFFIC_MAX_SECONDS } from '@contract/test-traffic-values';

import { ApiError } from '@/lib/api-client';

export type TestTrafficField = 'rate' | 'duration';
export type TestTrafficValues = Record<TestTrafficField, string>;

export const initialTestTrafficForm: TestTrafficValues = { rate: '10', duration: '120' };

export const rateProblem = `A number above 0, at most ${TEST_TRAFFIC_MAX_RATE}`;
export const durationProblem = `Whole seconds from 1 to ${TEST_TRAFFIC_MAX_SECONDS}`;

export function testTrafficProblems(values: TestTrafficValues): Partial<Record<TestTrafficField, string>> {
  const problems: Partial<Record<TestTrafficField, string>> = {};
  const rate = Number(values.rate);
  if (values.rate.trim() === '' || !Number.isFinite(rate) || rate <= 0 || rate > TEST_TRAFFIC_MAX_RATE)
    problems.rate = rateProblem;
  const duration = Number(values.duration);
  if (
    values.duration.trim() === '' ||
    !Number.isInteger(duration) ||
    duration < 1 ||
    duration > TEST_TRAFFIC_MAX_SECONDS
  ) {
    problems.duration = durationProblem;
  }
  return problems;
}

export function testTrafficBody(values: TestTrafficValues): StartTestTrafficBody {
  return { rate_per_second: Number(values.rate), duration_seconds: Number(values.duration) };
}

/** The field a 400 names (`rate_per_second: …`); undefined for the rest, which go next to the Start button. */
export function fieldOfServerError(error: unknown): TestTrafficField | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  if (/rate_per_second/.test(error.message)) return 'rate';
  if (/duration_seconds/.test(error.message)) return 'duration';
  return undefined;
}
