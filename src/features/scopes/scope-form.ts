/**
 * The create-scope form's values, their checks (the same rules as POST /scope, contract/scope.ts, so that bad input
 * is named next to its field before anything is sent) and the body they make.
 */
import { DEFAULT_HEALTH_CHECK_PATH, MAX_INSTANCE_COUNT } from '@contract/scope-values';

import { ApiError } from '@/lib/api-client';

import type { CreateScopeInput } from './api/create-scope';

export type ScopeFormValues = {
  name: string;
  environment: string;
  /** More dimensions, as `key=value` separated by commas. */
  otherDimensions: string;
  type: string;
  instances: string;
  healthCheckPath: string;
};

export type ScopeFormField = keyof ScopeFormValues;
export type ScopeFormProblems = Partial<Record<ScopeFormField, string>>;

export const initialScopeForm: ScopeFormValues = {
  name: '',
  environment: '',
  otherDimensions: '',
  type: 'web_pool_k8s',
  instances: '1',
  healthCheckPath: DEFAULT_HEALTH_CHECK_PATH,
};

/** `region=us-east, tier=gold` → { region: 'us-east', tier: 'gold' }, or the entry that isn't `key=value`. */
export function parseDimensions(text: string): { dimensions: Record<string, string> } | { problem: string } {
  const dimensions: Record<string, string> = {};
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([\w.-]+)\s*=\s*(\S(?:.*\S)?)$/.exec(entry);
    if (!match?.[1] || !match[2]) return { problem: `"${entry}" is not key=value (for example region=us-east)` };
    dimensions[match[1]] = match[2];
  }
  return { dimensions };
}

export function scopeFormProblems(values: ScopeFormValues, takenNames: ReadonlySet<string>): ScopeFormProblems {
  const problems: ScopeFormProblems = {};
  const name = values.name.trim();
  if (name === '') problems.name = 'Enter a name, such as development';
  else if (name.length > 60) problems.name = 'A name has at most 60 characters';
  else if (takenNames.has(name.toLowerCase())) problems.name = `This application already has a scope named ${name}`;
  if (values.environment.trim() === '')
    problems.environment = 'Enter the environment, such as development or production';
  const other = parseDimensions(values.otherDimensions);
  if ('problem' in other) problems.otherDimensions = other.problem;
  const instances = Number(values.instances);
  if (!/^\d+$/.test(values.instances.trim()) || instances < 1 || instances > MAX_INSTANCE_COUNT) {
    problems.instances = `A whole number from 1 to ${MAX_INSTANCE_COUNT}`;
  }
  if (!/^\/\S*$/.test(values.healthCheckPath.trim()))
    problems.healthCheckPath = 'A path that starts with /, such as /health';
  return problems;
}

export function scopeFormBody(values: ScopeFormValues, applicationId: number): CreateScopeInput {
  const other = parseDimensions(values.otherDimensions);
  return {
    application_id: applicationId,
    name: values.name.trim(),
    type: values.type,
    dimensions: { environment: values.environment.trim(), ...('dimensions' in other ? other.dimensions : {}) },
    capabilities: {
      scaling_type: 'fixed',
      fixed_instances: Number(values.instances),
      health_check: { path: values.healthCheckPath.trim() },
    },
  };
}

/** Which field a refusal of the server is about (by the body field its message names), if any. */
export function fieldOfServerError(error: unknown): ScopeFormField | undefined {
  if (!(error instanceof ApiError) || error.status >= 500) return undefined;
  const message = error.message;
  if (error.status === 409 || /\bname\b/i.test(message)) return 'name';
  if (/fixed_instances/i.test(message)) return 'instances';
  if (/health_check/i.test(message)) return 'healthCheckPath';
  if (/dimension/i.test(message)) return 'otherDimensions';
  if (/\btype\b/i.test(message)) return 'type';
  return undefined;
}
