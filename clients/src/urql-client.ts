// clients/src/urql-client.ts: urql for the service, queries by hash over GET.
import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

/** The app's client: the signed-in user's token on every request, queries by hash over GET. */
export function createOrgBffClient(url: string, getAccessToken: () => string, fetch?: typeof globalThis.fetch) {
  return new Client({
    url,
    exchanges: [cacheExchange, persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${getAccessToken()}` } }),
    fetch,
  });
}
