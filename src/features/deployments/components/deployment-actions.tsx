import type { Deployment } from '@/lib/read/deployment';
import { isTerminal } from '@contract/deployment-lifecycle';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { focusRing } from '@/components/ui/focus-ring';
import { cn } from '@/lib/cn';
import { humanize } from '@/lib/format';

import {
  allowedActions,
  readOnlyReason,
  statusActionsFor,
  statusesAllowing,
  type ActionContext,
  type StatusActionTarget,
} from '../status-actions';
import { StatusActionDialog } from './status-action-dialog';

function whenAllowed(target: StatusActionTarget, strategy: string | undefined): string {
  const statuses = statusesAllowing(target, strategy);
  return statuses.length === 0 ? 'not available for this strategy' : `only while ${statuses.map(humanize).join(', ')}`;
}

export type DeploymentActionsProps = { deployment: Deployment; context: ActionContext };

/**
 * Finalize, and Roll back (blue/green) or Cancel deployment (initial): enabled only where the lifecycle table lets a
 * client ask for them, each confirmed in a dialog; the equivalent commands are one click away. A deployment of a
 * strategy or status the console has no rules for gets no buttons, and a line that says why.
 */
export function DeploymentActions({ deployment, context }: DeploymentActionsProps) {
  const [open, setOpen] = useState<StatusActionTarget | undefined>(undefined);
  const readOnly = readOnlyReason(deployment);
  if (readOnly !== undefined) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="read-only-reason">
        {readOnly}
      </p>
    );
  }
  const allowed = allowedActions(deployment);
  const shown = statusActionsFor(deployment.strategy);
  const disabled = shown.filter((action) => !allowed.has(action.target));
  const active = shown.find((action) => action.target === open);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {shown.map((action) => (
          <Button
            key={action.target}
            variant={action.tone === 'danger' ? 'danger' : 'primary'}
            disabled={!allowed.has(action.target)}
            onClick={() => setOpen(action.target)}
          >
            {action.label}
          </Button>
        ))}
      </div>
      {isTerminal(deployment.status) ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The deployment is {humanize(deployment.status)}: nothing more can be asked of it.
        </p>
      ) : disabled.length > 0 ? (
        <ul className="text-sm text-slate-600 dark:text-slate-400">
          {disabled.map((action) => (
            <li key={action.target}>
              {action.label}: {whenAllowed(action.target, deployment.strategy)}; the deployment is{' '}
              {humanize(deployment.status)}.
            </li>
          ))}
        </ul>
      ) : null}
      {allowed.size > 0 && (
        // The commands are for a terminal: on a phone the sticky bar keeps to the buttons.
        <details className="text-sm max-lg:hidden">
          <summary className={cn('cursor-pointer rounded text-slate-700 dark:text-slate-300', focusRing)}>
            Command line for these actions
          </summary>
          <div className="mt-2 space-y-2">
            {shown
              .filter((action) => allowed.has(action.target))
              .map((action) => (
                <CodeSnippet
                  key={action.target}
                  snippet={action.snippet(deployment.id)}
                  title={`${action.label} from the command line`}
                />
              ))}
          </div>
        </details>
      )}
      {active && (
        <StatusActionDialog
          action={active}
          deployment={deployment}
          context={context}
          onOpenChange={(next) => {
            if (!next) setOpen(undefined);
          }}
        />
      )}
    </div>
  );
}
