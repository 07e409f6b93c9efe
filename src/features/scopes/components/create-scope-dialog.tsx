import type { Scope } from '@/lib/read/scope';
import { scopeTypes } from '@contract/scope-values';
import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { showToast } from '@/components/ui/toast-store';
import { createSnippet } from '@/lib/cli-snippets';

import { useCreateScope } from '../api/create-scope';
import {
  fieldOfServerError,
  initialScopeForm,
  scopeFormBody,
  scopeFormProblems,
  type ScopeFormField,
  type ScopeFormValues,
} from '../scope-form';

export type CreateScopeButtonProps = {
  applicationId: number;
  /** The application's scopes, to tell a taken name before sending. */
  existing: readonly Scope[];
  onCreated?: (scope: Scope) => void;
  variant?: 'primary' | 'secondary';
};

/** "Create scope": opens the form, and closes it once the scope exists. */
export function CreateScopeButton({
  applicationId,
  existing,
  onCreated,
  variant = 'secondary',
}: CreateScopeButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size="sm" onClick={() => setOpen(true)}>
        Create scope
      </Button>
      {open && (
        <CreateScopeDialog
          applicationId={applicationId}
          existing={existing}
          onOpenChange={setOpen}
          onCreated={(scope) => {
            setOpen(false);
            onCreated?.(scope);
          }}
        />
      )}
    </>
  );
}

type DialogProps = Omit<CreateScopeButtonProps, 'variant'> & { onOpenChange: (open: boolean) => void };

function CreateScopeDialog({ applicationId, existing, onOpenChange, onCreated }: DialogProps) {
  const [values, setValues] = useState<ScopeFormValues>(initialScopeForm);
  const [showProblems, setShowProblems] = useState(false);
  const mutation = useCreateScope({
    onSuccess: (scope) => {
      showToast({
        tone: 'success',
        title: `Scope ${scope.name ?? `#${scope.id}`} created`,
        description: 'Deploy a release to it from its page.',
      });
      onCreated?.(scope);
    },
  });
  const taken = new Set(existing.flatMap((scope) => (scope.name ? [scope.name.toLowerCase()] : [])));
  const problems = scopeFormProblems(values, taken);
  const serverField = fieldOfServerError(mutation.error);
  const errorOf = (field: ScopeFormField) =>
    (showProblems ? problems[field] : undefined) ?? (serverField === field ? mutation.error?.message : undefined);
  const body = scopeFormBody(values, applicationId);

  const set = (field: ScopeFormField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    mutation.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate(body);
  };

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title="Create a scope"
      description="A scope is where a release runs: an environment with its instances and address."
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField
          label="Name"
          value={values.name}
          onChange={(event) => set('name')(event.target.value)}
          error={errorOf('name')}
          autoComplete="off"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Environment"
            value={values.environment}
            onChange={(event) => set('environment')(event.target.value)}
            error={errorOf('environment')}
            hint="The environment dimension, such as development."
            autoComplete="off"
          />
          <TextField
            label="Other dimensions"
            value={values.otherDimensions}
            onChange={(event) => set('otherDimensions')(event.target.value)}
            error={errorOf('otherDimensions')}
            hint="Optional: key=value, separated by commas."
            autoComplete="off"
          />
          <SelectField
            label="Type"
            options={scopeTypes.map((type) => ({ value: type, label: type }))}
            value={values.type}
            onChange={(event) => set('type')(event.target.value)}
            error={errorOf('type')}
          />
          <TextField
            label="Instances"
            type="number"
            inputMode="numeric"
            min={1}
            value={values.instances}
            onChange={(event) => set('instances')(event.target.value)}
            error={errorOf('instances')}
          />
        </div>
        <TextField
          label="Health check path"
          value={values.healthCheckPath}
          onChange={(event) => set('healthCheckPath')(event.target.value)}
          error={errorOf('healthCheckPath')}
          hint="Each instance must answer 200 here before it takes traffic."
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
        />
        {mutation.isError && serverField === undefined && (
          <FormError>
            <p className="font-medium">The scope was not created.</p>
            <ErrorDetails error={mutation.error} />
          </FormError>
        )}
        <CodeSnippet snippet={createSnippet('scope', body)} title="Create this scope from the command line" />
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={mutation.isPending}>
            Create scope
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
