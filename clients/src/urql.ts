// urql with its persisted exchange: a query goes by hash alone, by GET; the first time the service does not know
// the hash, the exchange sends the text with it, also by GET (a short document fits in the URL). Mutations go by
// POST, as text. (Another document than the Apollo scenario's, so that each finds its hash unknown to the service.)
import assert from 'node:assert/strict';

import { AcceptInvitationDocument, InviteeLandingDocument } from './gql/graphql';
import { accessToken, expectSent, graphqlUrl, recordingFetch, run } from './service';
import { createOrgBffClient } from './urql-client';

run('urql', async () => {
  const recorded = recordingFetch();
  const token = await accessToken('carol');
  const client = createOrgBffClient(graphqlUrl, () => token, recorded.fetch);

  console.log('a query, the first time: its hash by GET, unknown to the service, then its text with the hash, also by GET');
  const first = await client.query(InviteeLandingDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  assert.equal(first.error, undefined);
  const invitation = first.data?.viewer.pendingInvitations[0];
  assert.equal(invitation?.organization.name, 'Acme', "carol's invitation to Acme");
  expectSent(recorded.requests, ['GET hash: PersistedQueryNotFound', 'GET text and hash: data']);

  console.log('the same query again: its hash alone, by GET');
  const second = await client.query(InviteeLandingDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  assert.deepEqual(second.data, first.data);
  expectSent(recorded.requests, ['GET hash: data']);

  console.log('a mutation: its text by POST (the exchange persists queries only, unless enableForMutation)');
  const accepted = await client.mutation(AcceptInvitationDocument, { input: { invitationId: invitation.id } }).toPromise();
  assert.equal(accepted.error, undefined);
  assert.deepEqual(accepted.data?.acceptInvitation.organization?.viewerRoles.map((role) => role.name), ['member']);
  expectSent(recorded.requests, ['POST text: data']);
});
