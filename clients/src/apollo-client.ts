// clients/src/apollo-client.ts: Apollo Client 4 for the service, documents by hash and queries by GET, with the
// hashes of either automatic persisted queries or trusted documents.
import { createHash } from 'node:crypto';

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

import { documentId, type PersistedDocument } from './documents';

/** The app's client: the signed-in user's token on every request, then `persistedQueries`, then HTTP. */
export function createOrgBffClient(
  uri: string,
  getAccessToken: () => Promise<string>,
  persistedQueries: PersistedQueryLink,
  fetch?: typeof globalThis.fetch,
) {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      new SetContextLink(async (context) => ({
        headers: { ...context.headers, Authorization: `Bearer ${await getAccessToken()}` },
      })),
      persistedQueries,
      new HttpLink({ uri, fetch }),
    ]),
  });
}

/** Automatic persisted queries: Apollo's SHA-256 of its print of each document, which the service registers. */
export function automaticPersistedQueries() {
  return new PersistedQueryLink({
    // hex; in a browser, a library such as crypto-hash
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    useGETForHashedQueries: true,
  });
}

/** Trusted documents: codegen's ids, which its manifest holds, as Apollo's hashes (the hex without `sha256:`). */
export function trustedDocuments() {
  return new PersistedQueryLink({
    generateHash: (document: PersistedDocument) => documentId(document).replace(/^sha256:/, ''),
    useGETForHashedQueries: true,
  });
}
