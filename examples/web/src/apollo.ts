// Apollo Client for the service: the signed-in user's access token on every request, documents sent by their
// SHA-256 (queries by GET, so caches can keep them; on a miss the link sends the text once and the service
// registers it), subscriptions over graphql-ws with the token in `connection_init`.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

import type { AppConfig } from './config';

/** The hex SHA-256 of a document's text, by the browser's Web Crypto (a secure context: https or localhost). */
async function sha256(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * @param getAccessToken the user's access token for the service's API resource (Logto's `getAccessToken(resource)`,
 *   which refreshes it when it expires)
 * @returns the client, and `dispose`, which stops it and closes its WebSocket (no reconnection asks for a token after)
 */
export function createApolloClient(config: AppConfig, getAccessToken: () => Promise<string | undefined>) {
  const auth = new SetContextLink(async (context) => ({
    headers: { ...context.headers, Authorization: `Bearer ${(await getAccessToken()) ?? ''}` },
  }));
  const http = ApolloLink.from([
    auth,
    new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
    // application/json, not Apollo's default application/graphql-response+json first: the link's first request of a
    // document is its hash alone, and the service's expected PersistedQueryNotFound would come as HTTP 400 under
    // graphql-response+json (GraphQL over HTTP) and be logged as an error by the browser; under application/json
    // every GraphQL answer is HTTP 200 and its errors are read from the body alike
    new HttpLink({ uri: config.graphqlUrl, headers: { accept: 'application/json' } }),
  ]);
  const sockets = createClient({
    url: config.graphqlWsUrl,
    // read on every (re)connection, so a reconnect after the token expired sends a fresh one
    connectionParams: async () => ({ Authorization: `Bearer ${(await getAccessToken()) ?? ''}` }),
    lazy: true,
    retryAttempts: Infinity,
  });
  const ws = new GraphQLWsLink(sockets);
  const client = new ApolloClient({
    link: ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
      },
      ws,
      http,
    ),
    cache: new InMemoryCache({
      // a member is its user in one organization: cached inside that organization's connection, not on its own
      typePolicies: { Member: { keyFields: false } },
    }),
  });
  return {
    client,
    dispose: () => {
      client.stop();
      void sockets.dispose();
    },
  };
}
