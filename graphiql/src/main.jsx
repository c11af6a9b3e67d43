// GraphiQL for logto-org-bff, served from the service's jar: no CDN, no inline script, everything from this origin.
import './workers.js';
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { SignIn } from './signin.js';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';

const DEFAULT_QUERY = `# The organization switcher: you and your organizations
query Switcher {
  viewer {
    user { name primaryEmail }
    organizations(first: 10) {
      totalCount
      edges {
        node {
          id
          name
          viewerRoles { name }
          viewerPermissions
        }
      }
    }
  }
}
`;

const plugins = [HISTORY_PLUGIN, explorerPlugin()];

function AuthBar({ signIn }) {
  const state = useSyncExternalStore(signIn.subscribe, () => signIn.state);
  return (
    <header className="orgbff-bar">
      <span className="orgbff-title">logto-org-bff</span>
      {state.status === 'disabled' && (
        <span className="orgbff-hint">
          Sign-in is not configured (orgbff.graphiql.app-id): paste {'{"Authorization": "Bearer <access token>"}'} into
          the Headers tab.
        </span>
      )}
      {state.error && <span className="orgbff-error" role="alert">{state.error}</span>}
      {state.status === 'signedOut' && (
        <button type="button" className="orgbff-button" onClick={signIn.signIn}>Sign in</button>
      )}
      {state.status === 'signedIn' && (
        <>
          <span className="orgbff-user">
            Signed in as <strong>{state.name}</strong>{state.email && ` (${state.email})`}
          </span>
          <button type="button" className="orgbff-button" onClick={signIn.signOut}>Sign out</button>
        </>
      )}
    </header>
  );
}

/**
 * What a request without any credential gets, without leaving the browser: the service would only answer 401.
 * GraphiQL shows it in the response pane, also for the schema it introspects when the page opens.
 */
function notSignedIn(canSignIn) {
  const how = canSignIn ? 'Sign in (top right) or paste' : 'Paste';
  const message = `Not signed in. ${how} {"Authorization": "Bearer <access token>"} into the Headers tab; `
    + 'then ⟳ (Re-fetch GraphQL schema, bottom left) loads the docs and autocompletion.';
  return new Response(JSON.stringify({ errors: [{ message }] }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function main() {
  const response = await fetch(new URL('../config.json', import.meta.url), { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`config.json answered ${response.status}`);
  }
  const config = await response.json();
  const signIn = new SignIn(config);
  await signIn.start();

  const url = new URL(config.graphqlPath, location.origin);
  const graphiqlFetcher = createGraphiQLFetcher({
    url: url.href,
    // subscriptions go over a WebSocket to the same path (graphql-ws), each on a connection of its own whose
    // connection_init carries the headers below as its payload: the Authorization the service reads there
    subscriptionUrl: `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}${url.pathname}`,
    // a header typed into the Headers tab wins over the signed-in user's token
    fetch: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('Authorization')) {
        const token = await signIn.accessToken();
        if (!token) {
          return notSignedIn(signIn.state.status !== 'disabled');
        }
        headers.set('Authorization', `Bearer ${token}`);
      }
      return fetch(input, { ...init, headers });
    },
  });
  // the signed-in user's token, unless the Headers tab has an Authorization, also for a subscription's connection_init
  const fetcher = async (params, options = {}) => {
    const headers = { ...options.headers };
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
      const token = await signIn.accessToken();
      if (token) {
        headers.Authorization = `Bearer ${token}`;
      }
    }
    return graphiqlFetcher(params, { ...options, headers });
  };

  createRoot(document.getElementById('graphiql')).render(
    <div className="orgbff-page">
      <AuthBar signIn={signIn} />
      <div className="orgbff-graphiql">
        <GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>,
  );
}

main().catch((error) => {
  const root = document.getElementById('graphiql');
  root.textContent = `GraphiQL could not start: ${error.message}`;
  console.error(error);
});
