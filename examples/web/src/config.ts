/** What the app is pointed at, read from `/config.json` on its own origin at start: change it, not the code. */
export type AppConfig = {
  /** Logto's endpoint, e.g. `https://your-tenant.logto.app` (the embedded run: `http://localhost:3001`). */
  logtoEndpoint: string;
  /** The id of this single-page app in Logto; its redirect URI is `<origin>/callback`, its post-sign-out URI `<origin>/`. */
  appId: string;
  /** The service's API resource indicator: the access token the app sends is for it. */
  apiResource: string;
  /** The service's GraphQL endpoint over HTTP, e.g. `http://localhost:8080/graphql`. */
  graphqlUrl: string;
  /** The same over WebSocket, for subscriptions, e.g. `ws://localhost:8080/graphql`. */
  graphqlWsUrl: string;
};

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`GET /config.json answered ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}

export const redirectUri = () => `${window.location.origin}/callback`;
export const postSignOutUri = () => `${window.location.origin}/`;
