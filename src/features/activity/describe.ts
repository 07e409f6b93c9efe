/**
 * How an activity entry reads: "alice finalized deployment #12", "strategy_data.desired_switched_traffic: 0% → 30%".
 * Pure, for the list and its tests.
 */
import { compactJson } from '@/lib/read/tolerant';
import { humanize } from '@/lib/format';

/** What each action says after the actor's name (`alice created …`); unknown actions are said as they come. */
const verbs: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  finalize: 'asked to finalize',
  cancel: 'asked to cancel (roll back)',
  roll_back: 'rolled back',
  traffic: 'moved traffic on',
  pause_auto_switch: 'paused the automatic traffic steps of',
  resume_auto_switch: 'resumed the automatic traffic steps of',
  fail: 'failed',
  status: 'changed the status of',
  issue_token: 'exchanged an API key for a token',
};

export function actionVerb(action: string): string {
  return verbs[action] ?? humanize(action);
}

/**
 * The filter's choices, in the order an operator thinks of them. A token exchange (`issue_token`) belongs to no
 * application, scope or deployment, so no feed here can list one: it is not offered.
 */
export const actionChoices = [
  'finalize',
  'cancel',
  'roll_back',
  'traffic',
  'pause_auto_switch',
  'resume_auto_switch',
  'fail',
  'create',
  'update',
  'delete',
] as const;

export const actionLabels: Record<(typeof actionChoices)[number], string> = {
  finalize: 'Finalize',
  cancel: 'Cancel / roll back',
  roll_back: 'Automatic rollback',
  traffic: 'Traffic move',
  pause_auto_switch: 'Steps paused',
  resume_auto_switch: 'Steps resumed',
  fail: 'Failure',
  create: 'Create',
  update: 'Change',
  delete: 'Delete',
};

/** "deployment #12", "deployment strategy #3"; the token exchange names nothing. */
export function entityLabel(entity: { kind?: string | undefined; id?: number | null | undefined } | undefined): string {
  if (entity?.kind === undefined || entity.kind === 'token') return '';
  return entity.id === null || entity.id === undefined
    ? humanize(entity.kind)
    : `${humanize(entity.kind)} #${entity.id}`;
}

const percentFields = new Set(['strategy_data.desired_switched_traffic', 'strategy_data.switched_traffic']);

/** A changed value as text: none for null, % for traffic, compact JSON for lists and objects. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number' && percentFields.has(field)) return `${value}%`;
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return compactJson(value, 80);
}

/** The field as an operator knows it: `strategy_data.desired_switched_traffic` reads "traffic to the new release". */
export function fieldLabel(field: string): string {
  if (field === 'strategy_data.desired_switched_traffic') return 'traffic to the new release';
  if (field === 'strategy_data.switched_traffic') return 'traffic switched';
  if (field === 'strategy_data.parameters.traffic.enable_auto_switch') return 'automatic steps';
  return field;
}
