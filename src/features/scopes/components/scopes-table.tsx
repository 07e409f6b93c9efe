import { displayName } from '@/lib/read/display';
import { FieldValue } from '@/components/ui/field-value';
import type { Scope } from '@/lib/read/scope';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { Dimensions } from './dimensions';
import { ScopeAddress } from './scope-address';

export type ScopesTableProps = {
  scopes: readonly Scope[];
  renderActiveRelease: (scope: Scope) => ReactNode;
  renderInFlight: (scope: Scope) => ReactNode;
};

export function ScopesTable({ scopes, renderActiveRelease, renderInFlight }: ScopesTableProps) {
  return (
    <Table caption="Scopes">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Type</TH>
          <TH>Status</TH>
          <TH>Dimensions</TH>
          <TH>Serving</TH>
          <TH>In flight</TH>
          <TH>Address</TH>
        </TR>
      </THead>
      <TBody>
        {scopes.map((scope) => (
          <TR key={scope.id}>
            <TD>
              <TextLink to={paths.scope.getHref(scope.id)}>{displayName(scope, 'Scope')}</TextLink>
            </TD>
            <TD className="text-xs">
              <FieldValue entity={scope} field="type">
                {scope.type}
              </FieldValue>
            </TD>
            <TD>
              <StatusBadge status={scope.status} />
            </TD>
            <TD>
              <FieldValue entity={scope} field="dimensions">
                <Dimensions dimensions={scope.dimensions} />
              </FieldValue>
            </TD>
            <TD>{renderActiveRelease(scope)}</TD>
            <TD>{renderInFlight(scope)}</TD>
            <TD>
              <ScopeAddress scope={scope} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
