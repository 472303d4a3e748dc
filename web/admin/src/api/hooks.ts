import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { TypedDocumentString } from '../gql/graphql';
import { useSession } from './session';

/** A query through the signed-in session, cached under `key` (refetched when invalidated). */
export function useApiQuery<R, V>(key: QueryKey, document: TypedDocumentString<R, V>, variables: V, enabled = true) {
  const session = useSession();
  return useQuery({
    queryKey: [...key, variables],
    queryFn: () => session.request(document, variables),
    enabled: enabled && session.user !== null,
  });
}

/** A mutation that refreshes the listed queries when it succeeds. */
export function useApiMutation<R, V>(document: TypedDocumentString<R, V>, invalidate: QueryKey[] = []) {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => session.request(document, variables),
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
