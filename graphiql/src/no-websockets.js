// @graphiql/toolkit imports graphql-ws only for subscriptions over WebSockets, which this service does not offer.
export function createClient() {
  throw new Error('GraphQL subscriptions over WebSockets are not available here');
}
