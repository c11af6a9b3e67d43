// Apollo Client 4 with automatic persisted queries over GET: a query goes by hash alone, by GET; the first time the
// service does not know the hash, the client sends the text once, by POST. Mutations always go by POST.
import assert from 'node:assert/strict';

import { automaticPersistedQueries, createOrgBffClient } from './apollo-client';
import { CreateOrganizationDocument, SwitcherDocument } from './gql/graphql';
import { accessToken, expectSent, graphqlUrl, recordingFetch, run } from './service';

run('Apollo Client', async () => {
  const recorded = recordingFetch();
  const client = createOrgBffClient(graphqlUrl, () => accessToken('alice'), automaticPersistedQueries(), recorded.fetch);

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
