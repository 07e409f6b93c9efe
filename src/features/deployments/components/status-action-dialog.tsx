import type { Deployment } from '@/lib/read/deployment';

import { CodeSnippet } from '@/components/ui/code-snippet';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError } from '@/components/ui/field';
import { showToast } from '@/components/ui/toast-store';
import { humanize } from '@/lib/format';

import { usePatchDeployment } from '../api/patch-deployment';
import type { ActionContext, StatusAction } from '../status-actions';
import { isReasonError, ReasonField, useReason } from './reason-field';

export type StatusActionDialogProps = {
  action: StatusAction;
  deployment: Deployment;
  context: ActionContext;
  onOpenChange: (open: boolean) => void;
};

/**
 * Confirms a status change (finalize, roll back, cancel) by restating it; the platform's refusal stays in the dialog.
 * A refusal because the deployment is already there (a second click, another tab) closes it like a success.
 */
export function StatusActionDialog({ action, deployment, context, onOpenChange }: StatusActionDialogProps) {
  const reason = useReason();
  const mutation = usePatchDeployment({
    onSuccess: (_input, outcome) => {
      const done = action.done(context);
      showToast({
        tone: 'success',
        title: done.title,
        description:
          outcome.alreadyDone && outcome.deployment
            ? `It was already ${humanize(outcome.deployment.status)}: nothing more was needed.`
            : done.description,
      });
    },
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!mutation.isPending) onOpenChange(open);
      }}
      title={action.title(context)}
      description={<p data-testid="action-description">{action.description(context, deployment)}</p>}
      confirmLabel={action.confirmLabel}
      cancelLabel="Keep it"
      tone={action.tone}
      isPending={mutation.isPending}
      confirmDisabled={reason.tooLong}
      onConfirm={() =>
        mutation.mutate(
          { deploymentId: deployment.id, body: { status: action.target, ...reason.body } },
          { onSuccess: () => onOpenChange(false) },
        )
      }
    >
      <div className="space-y-3">
        <ReasonField reason={reason} error={mutation.error} />
        {mutation.isError && !isReasonError(mutation.error) && (
          <FormError>
            <p className="font-medium">The platform refused: nothing changed.</p>
            <ErrorDetails error={mutation.error} />
          </FormError>
        )}
        <CodeSnippet snippet={action.snippet(deployment.id)} title={`${action.label} from the command line`} />
      </div>
    </ConfirmDialog>
  );
}
