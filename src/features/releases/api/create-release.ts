import { useQueryClient } from '@tanstack/react-query';

import { apiPath, apiSend } from '@/lib/api-client';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';
import { releaseReader, type Release } from '@/lib/read/release';

import { releaseQueries } from './queries';

export type CreateReleaseInput = { status: 'active'; build_id: number; application_id: number; semver: string };

export function createRelease(input: CreateReleaseInput): Promise<Release> {
  return apiSend('POST', apiPath('/release'), input, releaseReader);
}

export function useCreateRelease(options: { onSuccess?: (release: Release) => void } = {}) {
  const queryClient = useQueryClient();
  // One at a time: a double click must not create two.
  return useSingleFlightMutation({
    mutationFn: createRelease,
    onSuccess: (release) => {
      queryClient.setQueryData(releaseQueries.detail(release.id).queryKey, release);
      options.onSuccess?.(release);
      return queryClient.invalidateQueries({ queryKey: releaseQueries.lists() });
    },
  });
}
