import type { Scope } from '@/lib/read/scope';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, TextField } from '@/components/ui/field';
import { showToast } from '@/components/ui/toast-store';
import { displayName } from '@/lib/read/display';

import { useDeleteScope } from '../api/delete-scope';

export type DeleteScopeButtonProps = { scope: Scope; onDeleted: () => void };

/**
 * "Delete scope" behind a confirmation that names the scope, says what stops, and asks for the name to be typed: in
 * connected mode this is a real organization's scope, and one click on the wrong page must not take it down.
 */
export function DeleteScopeButton({ scope, onDeleted }: DeleteScopeButtonProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const name = displayName(scope, 'Scope');
  const mutation = useDeleteScope({
    onSuccess: () => {
      showToast({
        tone: 'success',
        title: `Scope ${name} is being deleted`,
        description: 'Its instances and its address stop.',
      });
      setOpen(false);
      onDeleted();
    },
  });
  const inFlight = typeof scope.in_progress_deployment === 'number';
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        Delete scope
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) {
            mutation.reset();
            setTyped('');
          }
        }}
        title={`Delete scope ${name}?`}
        description={
          <>
            <p>
              {name} stops serving: its instances stop and its address no longer answers. Its deployment history stays.
              This cannot be undone.
            </p>
            {inFlight && (
              <p className="mt-2 font-medium text-amber-800 dark:text-amber-300">
                A deployment is in flight here: the platform refuses to delete the scope until it is finalized or
                cancelled.
              </p>
            )}
          </>
        }
        confirmLabel={`Delete ${name}`}
        tone="danger"
        isPending={mutation.isPending}
        confirmDisabled={typed.trim() !== name}
        onConfirm={() => {
          if (typed.trim() === name) mutation.mutate(scope.id);
        }}
      >
        <TextField
          label={
            <>
              Type <span className="font-mono">{name}</span> to confirm
            </>
          }
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
        {mutation.isError && (
          <FormError>
            <p className="font-medium">{name} was not deleted.</p>
            <ErrorDetails error={mutation.error} />
          </FormError>
        )}
      </ConfirmDialog>
    </>
  );
}
