/** Namespaces and accounts: organization → account → namespace → application (reference §1.6, §8b). */
import { idField, textField, tolerantObject } from './tolerant';

export const namespaceReader = tolerantObject(
  { id: idField },
  { name: textField, slug: textField, status: textField, account_id: idField },
);

export const accountReader = tolerantObject(
  { id: idField },
  { name: textField, slug: textField, status: textField, organization_id: idField },
);
