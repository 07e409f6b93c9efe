import type { UseQueryResult } from '@tanstack/react-query';

import { SelectField, type SelectOption } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { describeError } from '@/lib/api-client';
import { displayName } from '@/lib/read/display';

export type HierarchyPickerProps = {
  /** "Account" or "Namespace": the field's label, and how the messages name the choices. */
  kind: string;
  /** The choices as the API listed them. */
  query: UseQueryResult<{ results: { id: number; name?: string | undefined }[] }>;
  /** The chosen id (from the URL), or undefined for none / all. */
  value: number | undefined;
  /** Whether "All" is a choice (the local platform lists every application at once; nullplatform does not). */
  allowAll: boolean;
  onChange: (id: number | undefined) => void;
};

function parseId(raw: string): number | undefined {
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}

/**
 * A level of organization → account → namespace in a select. When the level can't be listed (the key may not be
 * allowed to), a field to type an id in, with the reason next to it: the page never goes down for a picker.
 */
export function HierarchyPicker({ kind, query, value, allowAll, onChange }: HierarchyPickerProps) {
  const plural = `${kind.toLowerCase()}s`;
  if (query.data === undefined && query.isError) {
    return (
      <div className="flex max-w-sm flex-col gap-1">
        <SearchField
          label={`${kind} id`}
          value={value === undefined ? '' : String(value)}
          onCommit={(raw) => onChange(parseId(raw))}
          placeholder={allowAll ? `All ${plural}` : `Type an ${kind.toLowerCase()} id`}
        />
        <p className="text-xs text-red-700 dark:text-red-400" data-testid={`${kind.toLowerCase()}-error`}>
          Couldn't list the {plural}: {describeError(query.error)}. Type {kind === 'Account' ? 'an' : 'a'}{' '}
          {kind.toLowerCase()} id
          {allowAll ? ', or leave it empty' : ''}.
        </p>
      </div>
    );
  }

  const choices = query.data?.results ?? [];
  const loading = query.data === undefined;
  const options: SelectOption[] = [];
  if (allowAll) options.push({ value: '', label: `All ${plural}` });
  else if (value === undefined)
    options.push({ value: '', label: loading ? `Loading ${plural}…` : `No ${plural}`, disabled: true });
  for (const choice of choices) options.push({ value: String(choice.id), label: displayName(choice, kind) });
  // A choice from the URL that the list does not show (typed by hand, or beyond what was listed) stays selectable.
  if (value !== undefined && !choices.some((choice) => choice.id === value)) {
    options.push({ value: String(value), label: loading ? `${kind} ${value} (loading…)` : `${kind} ${value}` });
  }

  return (
    <SelectField
      label={kind}
      options={options}
      value={value === undefined ? '' : String(value)}
      disabled={loading && !allowAll && value === undefined}
      onChange={(event) => onChange(parseId(event.target.value))}
    />
  );
}
