import { useQueryClient } from '@tanstack/react-query';

import { apiPath, apiSend } from '@/lib/api-client';
import { scopeReader, type Scope } from '@/lib/read/scope';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';

import { scopeQueries } from './queries';

/** The fields of POST /scope the console sets (contract/scope.ts createScopeBodySchema). */
export type CreateScopeInput = {
  application_id: number;
  name: string;
  type: string;
  dimensions: Record<string, string>;
  capabilities: { scaling_type: 'fixed'; fixed_instances: number; health_check: { path: string } };
};

export function createScope(input: CreateScopeInput): Promise<Scope> {
  return apiSend('POST', apiPath('/scope'), input, scopeReader);
}

export function useCreateScope(options: { onSuccess?: (scope: Scope) => void } = {}) {
  const queryClient = useQueryClient();
  // One at a time: a double click must not create two (the second would be refused as a duplicate name anyway).
  return useSingleFlightMutation({
    mutationFn: createScope,
    onSuccess: (scope) => {
      queryClient.setQueryData(scopeQueries.detail(scope.id).queryKey, scope);
      options.onSuccess?.(scope);
      return queryClient.invalidateQueries({ queryKey: scopeQueries.lists() });
    },
  });
}
