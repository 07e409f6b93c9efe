/**
 * A mutation that runs one request at a time: a second `mutate` while the first is in flight is dropped.
 *
 * Why not `disabled={mutation.isPending}` alone: react-query tells the component about `isPending` on its next
 * notification, after the click handler returns, so a fast double-click reaches `mutate` twice before the button is
 * disabled. The ref is set in the same event, so the second click finds it set.
 */
import {
  useMutation,
  type DefaultError,
  type UseMutateFunction,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

export function useSingleFlightMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const inFlight = useRef(false);
  const mutation = useMutation({
    ...options,
    // The options' onSettled runs even when the component that called mutate is gone, so the guard always clears.
    onSettled: (...args) => {
      inFlight.current = false;
      return options.onSettled?.(...args);
    },
  });
  const { mutate: run } = mutation;
  const mutate = useCallback<UseMutateFunction<TData, TError, TVariables, TContext>>(
    (...args) => {
      if (inFlight.current) return;
      inFlight.current = true;
      run(...args);
    },
    [run],
  );
  return { ...mutation, mutate };
}
