import { ApolloProvider } from '@apollo/client/react';
import { useHandleSignInCallback, useLogto } from '@logto/react';
import { useMemo, useRef } from 'react';

import { createApolloClient } from './apollo';
import { type AppConfig, postSignOutUri, redirectUri } from './config';
import { Header } from './Header';
import { InvitationLanding } from './InvitationLanding';
import { OrganizationPage } from './OrganizationPage';
import { navigate, useLocation } from './router';

const RETURN_TO = 'orgbff.returnTo';

/** Signs in, coming back to where the user was (e.g. an invitation's landing page) after `/callback`. */
export function useSignIn() {
  const { signIn } = useLogto();
  return () => {
    sessionStorage.setItem(RETURN_TO, window.location.pathname + window.location.search);
    void signIn(redirectUri());
  };
}

export function App({ config }: { config: AppConfig }) {
  const location = useLocation();
  const path = location.split('?')[0];
  if (path === '/callback') {
    return <Callback />;
  }
  return <SignedInApp config={config} path={path} />;
}

function Callback() {
  const { error } = useHandleSignInCallback(() => {
    const to = sessionStorage.getItem(RETURN_TO) ?? '/';
    sessionStorage.removeItem(RETURN_TO);
    navigate(to, { replace: true });
  });
  return error ? <p role="alert">Sign-in failed: {error.message}</p> : <p>Signing in…</p>;
}

function SignedInApp({ config, path }: { config: AppConfig; path: string }) {
  const { isAuthenticated, isLoading, getAccessToken, signOut } = useLogto();
  const signIn = useSignIn();
  // the client lives as long as the page (until sign-out); it asks for the current token through this ref
  const tokenRef = useRef(getAccessToken);
  tokenRef.current = getAccessToken;
  // token requests under way: one answered after the sign-out cleared the storage would store the tokens again
  const tokenRequests = useRef(new Set<Promise<unknown>>());
  const { client, dispose } = useMemo(
    () =>
      createApolloClient(config, () => {
        const request = tokenRef.current(config.apiResource);
        const done = () => void tokenRequests.current.delete(request);
        tokenRequests.current.add(request);
        request.then(done, done);
        return request;
      }),
    [config],
  );

  async function signOutEverywhere() {
    dispose();
    await Promise.allSettled([...tokenRequests.current]);
    await client.clearStore();
    await signOut(postSignOutUri());
  }

  if (isLoading && !isAuthenticated) {
    return <p>Loading…</p>;
  }
  const invitation = path.match(/^\/invitations\/([^/]+)$/);
  if (!isAuthenticated) {
    return (
      <main className="signed-out">
        <h1>Organizations</h1>
        <p>{invitation ? 'Sign in to see your invitation.' : 'Sign in to see your organizations.'}</p>
        <button type="button" onClick={signIn}>
          Sign in
        </button>
      </main>
    );
  }
  return (
    <ApolloProvider client={client}>
      <Header onSignOut={() => void signOutEverywhere()} />
      <main id="main">{invitation ? <InvitationLanding invitationId={decodeURIComponent(invitation[1])} /> : <OrganizationPage />}</main>
    </ApolloProvider>
  );
}
