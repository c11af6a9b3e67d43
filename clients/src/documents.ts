// clients/src/documents.ts: GraphQL Code Generator's typed documents sent by their ids alone, as GraphQL over HTTP's
// persisted documents have it (`documentId: "sha256:<hex>"` from each document's __meta__.hash), with no GraphQL
// client library: queries by GET, mutations by POST.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind } from 'graphql';

/** A document generated with `persistedDocuments`: its id, `sha256:<hex>`, is in `__meta__.hash` (not in its type). */
export type PersistedDocument = DocumentNode & { __meta__?: { hash?: string } };

/** The id codegen gave `document`, `sha256:<hex>`; throws for a document generated without `persistedDocuments`. */
export function documentId(document: PersistedDocument): string {
  const id = document.__meta__?.hash;
  if (id === undefined) {
    throw new Error('the document has no __meta__.hash: generate it with persistedDocuments (codegen.ts)');
  }
  return id;
}

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
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const id = documentId(document);
  const mutation = document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation');
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/graphql-response+json, application/json' };
  const response = mutation
    ? await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId: id, variables }),
    })
    : await fetch(`${url}?${new URLSearchParams({ documentId: id, variables: JSON.stringify(variables) })}`, { headers });
  const answer = (await response.json()) as { data?: Result | null; errors?: GraphQLErrors['errors'] };
  if (answer.errors?.length || answer.data == null) {
    throw new GraphQLErrors(answer.errors ?? []);
  }
  return answer.data;
}
