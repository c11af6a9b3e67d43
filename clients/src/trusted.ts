// Against a service in trusted-documents mode whose manifest is the generated src/gql/persisted-documents.json:
// GraphQL Code Generator's documents run by their ids alone, with typed results, sent without a client library
// (documentId, GraphQL over HTTP) and by Apollo Client (extensions.persistedQuery); an ad-hoc document is refused.
import assert from 'node:assert/strict';

import type { ResultOf } from '@graphql-typed-document-node/core';

import { createOrgBffClient, trustedDocuments } from './apollo-client';
import { execute, type GraphQLErrors } from './documents';
import { graphql } from './gql';
import { CreateOrganizationDocument, InviteeLandingDocument, SwitcherDocument } from './gql/graphql';
import { accessToken, expectSent, graphqlUrl, recordingFetch, run } from './service';

/** A document of the app's own, next to the canonical ones: one field of each custom scalar. */
const OrganizationDetailsDocument = graphql(`
  query OrganizationDetails($id: ID!) {
    organization(id: $id) {
      createdAt
      customData
      members(first: 10) {
        edges {
          node {
            user {
              primaryEmail
            }
          }
        }
      }
    }
  }
`);

// Compile-time: codegen.ts maps each custom scalar to a type (without its `scalars`, each would be `unknown`).
type Exactly<T, Expected> = 0 extends 1 & T ? false : [T] extends [Expected] ? ([Expected] extends [T] ? true : false) : false;
type Details = NonNullable<ResultOf<typeof OrganizationDetailsDocument>['organization']>;
type Email = NonNullable<Details['members']>['edges'][number]['node']['user']['primaryEmail'];
const scalarsMapped: [
  Exactly<Details['createdAt'], string>,
  Exactly<Email, string | null>,
  Exactly<Details['customData'], Record<string, unknown> | null>,
] = [true, true, true];

/** An ISO-8601 date-time in UTC with milliseconds, as the service writes DateTime. */
function assertIsoDateTime(value: string): void {
  assert.equal(new Date(value).toISOString(), value, `${value} is an ISO-8601 date-time in UTC`);
}

run('trusted documents', async () => {
  assert.equal(scalarsMapped.length, 3);
  const alice = await accessToken('alice');

  console.log('a query by its documentId, by GET');
  const switcher = await execute(graphqlUrl, alice, SwitcherDocument, {});
  const acme = switcher.viewer.organizations.edges.find((edge) => edge.node.name === 'Acme')?.node;
  assert.ok(acme, "alice's organizations include Acme");
  assert.deepEqual(acme.viewerRoles.map((role) => role.name), ['admin']);

  console.log('custom scalars as TypeScript types: DateTime and EmailAddress as strings, JSON as an object');
  const details = await execute(graphqlUrl, alice, OrganizationDetailsDocument, { id: acme.id });
  assert.ok(details.organization, 'alice sees Acme');
  assertIsoDateTime(details.organization.createdAt);
  assert.deepEqual(details.organization.customData, {});
  assert.ok(details.organization.members, "alice sees Acme's members");
  const emails = details.organization.members.edges.map((edge) => edge.node.user.primaryEmail);
  assert.ok(emails.includes('alice@acme.test'), `Acme's members' emails ${emails} include alice's`);
  const landing = await execute(graphqlUrl, await accessToken('carol'), InviteeLandingDocument, {});
  const invitation = landing.viewer.pendingInvitations[0];
  assert.equal(invitation?.organization.name, 'Acme');
  const expiresAt: string = invitation.expiresAt;
  assertIsoDateTime(expiresAt);

  console.log('a mutation by its documentId, by POST');
  const created = await execute(graphqlUrl, alice, CreateOrganizationDocument, { input: { name: 'Typed Labs' } });
  assert.equal(created.createOrganization.organization?.name, 'Typed Labs');

  console.log("Apollo Client with codegen's ids: a query by its hash alone, by GET; a mutation by POST");
  const recorded = recordingFetch();
  const apollo = createOrgBffClient(graphqlUrl, async () => alice, trustedDocuments(), recorded.fetch);
  const switched = await apollo.query({ query: SwitcherDocument });
  assert.deepEqual(switched.data?.viewer.organizations.totalCount, switcher.viewer.organizations.totalCount + 1);
  expectSent(recorded.requests, ['GET hash: data']);
  const apolloCreated = await apollo.mutate({ mutation: CreateOrganizationDocument, variables: { input: { name: 'Apollo Labs' } } });
  assert.equal(apolloCreated.data?.createOrganization.organization?.name, 'Apollo Labs');
  expectSent(recorded.requests, ['POST hash: data']);

  console.log('an ad-hoc document, not in the manifest: refused');
  const adHoc = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${alice}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'query Mine { viewer { user { primaryEmail } } }' }),
  });
  const refused = (await adHoc.json()) as { data?: unknown; errors: GraphQLErrors['errors'] };
  assert.equal(refused.data, undefined, 'nothing ran');
  assert.deepEqual(refused.errors.map((error) => error.extensions?.classification), ['PERSISTED_QUERY_NOT_TRUSTED']);
});
