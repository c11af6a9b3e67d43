// GraphQL Code Generator's typed documents (codegen.ts) sent by their ids alone, as GraphQL over HTTP's persisted
// documents have it: `documentId: "sha256:<hex>"` from each document's __meta__.hash, queries by GET, mutations by
// POST, and no GraphQL library at run time. Run against a service in trusted-documents mode whose manifest is the
// generated src/gql/persisted-documents.json: the documents run, an ad-hoc document is refused.
import assert from 'node:assert/strict';

import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind } from 'graphql';

import { graphql } from './gql';
import { CreateOrganizationDocument, InviteeLandingDocument, SwitcherDocument } from './gql/graphql';
import { accessToken, graphqlUrl, run } from './service';

/** A document generated with `persistedDocuments`: its id, `sha256:<hex>`, is in `__meta__.hash`. */
export type PersistedDocument<Result, Variables> = TypedDocumentNode<Result, Variables> & { __meta__?: { hash?: string } };

/** The errors of an answer, with their classification (`extensions.classification`). */
export class GraphQLErrors extends Error {
  constructor(readonly errors: { message: string; extensions?: { classification?: string } }[]) {
    super(errors.map((error) => `${error.extensions?.classification}: ${error.message}`).join('; ') || 'no data');
  }
}

/** Runs `document` by its id alone: a query by GET, a mutation by POST. Throws {@link GraphQLErrors} on errors. */
export async function execute<Result, Variables>(
  url: string,
  token: string,
  document: PersistedDocument<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const documentId = document.__meta__?.hash;
  if (documentId === undefined) {
    throw new Error('the document has no __meta__.hash: generate it with persistedDocuments (codegen.ts)');
  }
  const mutation = document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation');
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/graphql-response+json, application/json' };
  const response = mutation
    ? await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId, variables }),
    })
    : await fetch(`${url}?${new URLSearchParams({ documentId, variables: JSON.stringify(variables) })}`, { headers });
  const answer = (await response.json()) as { data?: Result | null; errors?: GraphQLErrors['errors'] };
  if (answer.errors?.length || answer.data == null) {
    throw new GraphQLErrors(answer.errors ?? []);
  }
  return answer.data;
}

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

run('typed documents by id', async () => {
  assert.equal(scalarsMapped.length, 3);
  const alice = await accessToken('alice');

  console.log('a query by its id, by GET');
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

  console.log('a mutation by its id, by POST');
  const created = await execute(graphqlUrl, alice, CreateOrganizationDocument, { input: { name: 'Typed Labs' } });
  assert.equal(created.createOrganization.organization?.name, 'Typed Labs');

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
