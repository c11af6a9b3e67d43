// Apollo Client 4 with automatic persisted queries over GET: a query goes by hash alone, by GET; the first time the
// service does not know the hash, the client sends the text once, by POST. Mutations always go by POST.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

import { CreateOrganizationDocument, SwitcherDocument } from './gql/graphql';
import { accessToken, expectSent, graphqlUrl, recordingFetch, run } from './service';

/** The app's client: the signed-in user's token on every request, documents by hash, queries by GET. */
export function createOrgBffClient(uri: string, getAccessToken: () => Promise<string>, fetch?: typeof globalThis.fetch) {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      new SetContextLink(async (context) => ({
        headers: { ...context.headers, Authorization: `Bearer ${await getAccessToken()}` },
      })),
      new PersistedQueryLink({
        // SHA-256 of the document's text, hex; in a browser, a library such as crypto-hash
        sha256: (text) => createHash('sha256').update(text).digest('hex'),
        useGETForHashedQueries: true,
      }),
      new HttpLink({ uri, fetch }),
    ]),
  });
}

run('Apollo Client', async () => {
  const recorded = recordingFetch();
  const client = createOrgBffClient(graphqlUrl, () => accessToken('alice'), recorded.fetch);

  console.log('a query, the first time: its hash by GET, unknown to the service, then its text by POST');
  const first = await client.query({ query: SwitcherDocument, fetchPolicy: 'network-only' });
  assert.ok(first.data?.viewer.organizations.edges.some((edge) => edge.node.name === 'Acme'), "alice's organizations include Acme");
  expectSent(recorded.requests, ['GET hash: PersistedQueryNotFound', 'POST text and hash: data']);

  console.log('the same query again: its hash alone, by GET');
  const second = await client.query({ query: SwitcherDocument, fetchPolicy: 'network-only' });
  assert.deepEqual(second.data, first.data);
  expectSent(recorded.requests, ['GET hash: data']);

  console.log('a mutation: by POST, its hash and then its text');
  const created = await client.mutate({ mutation: CreateOrganizationDocument, variables: { input: { name: 'Apollo Labs' } } });
  assert.equal(created.data?.createOrganization.organization?.name, 'Apollo Labs');
  assert.deepEqual(created.data?.createOrganization.organization?.viewerRoles.map((role) => role.name), ['admin']);
  expectSent(recorded.requests, ['POST hash: PersistedQueryNotFound', 'POST text and hash: data']);
});
