import { useQuery } from '@tanstack/react-query';

import { SelectField, type SelectOption } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { describeError } from '@/lib/api-client';

import { namespaceQueries } from '../api/queries';

export type NamespacePickerProps = {
  /** The chosen namespace id (from the URL), or undefined for all. */
  value: number | undefined;
  /** Whether "All namespaces" is a choice (the local platform lists every application at once; nullplatform does not). */
  allowAll: boolean;
  onChange: (namespaceId: number | undefined) => void;
};

function parseNamespaceId(raw: string): number | undefined {
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}

/** The namespaces of `GET /api/namespace` in a select; when they can't be read, a field to type an id in. */
export function NamespacePicker({ value, allowAll, onChange }: NamespacePickerProps) {
  const query = useQuery(namespaceQueries.list());

  if (query.data === undefined && query.isError) {
    return (
      <div className="flex max-w-sm flex-col gap-1">
        <SearchField
          label="Namespace id"
          value={value === undefined ? '' : String(value)}
          onCommit={(raw) => onChange(parseNamespaceId(raw))}
          placeholder="All namespaces"
        />
        <p className="text-xs text-red-700 dark:text-red-400" data-testid="namespace-error">
          Couldn't list the namespaces: {describeError(query.error)}. Type a namespace id, or leave it empty.
        </p>
      </div>
    );
  }

  const namespaces = query.data?.results ?? [];
  const loading = query.data === undefined;
  const options: SelectOption[] = [];
  if (allowAll) options.push({ value: '', label: 'All namespaces' });
  else if (value === undefined) options.push({ value: '', label: loading ? 'Loading namespaces…' : 'No namespaces', disabled: true });
  for (const namespace of namespaces) options.push({ value: String(namespace.id), label: namespace.name });
  // A namespace from the URL that the list does not show (another page of them, or typed by hand) stays selectable.
  if (value !== undefined && !namespaces.some((namespace) => namespace.id === value)) {
    options.push({ value: String(value), label: loading ? `Namespace ${value} (loading…)` : `Namespace ${value}` });
  }

  return (
    <SelectField
      label="Namespace"
      options={options}
      value={value === undefined ? '' : String(value)}
      disabled={loading && !allowAll && value === undefined}
      onChange={(event) => onChange(parseNamespaceId(event.target.value))}
    />
  );
}
