import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** Renew the access token when it has less than this left, so that a request never leaves with a dying token. */
const RENEW_BEFORE_SECONDS = 60;

/**
 * Sign-in with Logto from the page: the OpenID Connect authorization code flow with PKCE against
 * `<logto endpoint>/oidc`, for the single-page app `appId`, asking for the API resource so that the access
 * token is a JWT this service accepts. The user (ID token profile, access and refresh token) lives in
 * sessionStorage: it is gone when the tab closes.
 *
 * Logto issues a JWT access token for an API only when the request names it with `resource` (RFC 8707):
 * on the authorization request (`resource` setting), on the code exchange (`extraTokenParams`) and on each
 * refresh (`signinSilent({ resource })`), as Logto's own SDKs do. `offline_access` with `prompt=consent`
 * is what makes Logto issue a refresh token.
 */
export class SignIn {
  #listeners = new Set();
  #state;
  #manager;
  #resource;
  #renewing = null;

  /** @param config the page's configuration (config.json): logtoEndpoint, appId, apiResource */
  constructor(config) {
    this.#resource = config.apiResource;
    if (!config.appId) {
      this.#state = { status: 'disabled' };
      return;
    }
    const page = location.origin + location.pathname;
    this.#manager = new UserManager({
      authority: `${config.logtoEndpoint.replace(/\/$/, '')}/oidc`,
      client_id: config.appId,
      redirect_uri: page,
      post_logout_redirect_uri: page,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      prompt: 'consent',
      resource: config.apiResource,
      extraTokenParams: { resource: config.apiResource },
      // Logto's userinfo does not take an access token for an API resource: the profile comes from the ID token
      loadUserInfo: false,
      // renewed here, with the resource (oidc-client-ts' own silent renew would refresh without it, or use an iframe)
      automaticSilentRenew: false,
      monitorSession: false,
      // sign-out also revokes the refresh token, which an offline_access grant would otherwise keep alive
      revokeTokensOnSignout: true,
      revokeTokenTypes: ['refresh_token'],
      accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_SECONDS,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
    this.#state = { status: 'signedOut' };
    this.#manager.events.addAccessTokenExpiring(() => this.#renew().catch(() => {}));
    this.#manager.events.addAccessTokenExpired(() => this.#renew().catch(() => {}));
  }

  /** Finishes a sign-in or sign-out redirect if the URL carries one (then cleans the URL), and loads the user. */
  async start() {
    if (!this.#manager) {
      return;
    }
    const params = new URLSearchParams(location.search);
    try {
      if (params.has('code') || params.has('error')) {
        try {
          await this.#manager.signinRedirectCallback();
        } finally {
          // the code, state and issuer must not stay in the address bar, the history or a bookmark
          history.replaceState(history.state, '', location.pathname + location.hash);
        }
      } else if (params.has('state')) {
        history.replaceState(history.state, '', location.pathname + location.hash);
      }
      const user = await this.#manager.getUser();
      if (user && user.expires_in !== undefined && user.expires_in < RENEW_BEFORE_SECONDS) {
        await this.#renew();
      } else {
        this.#set(user ? signedIn(user) : { status: 'signedOut' });
      }
    } catch (error) {
      this.#set({ status: 'signedOut', error: `Sign-in failed: ${describe(error)}` });
    }
  }

  /** The current state: status `disabled`, `signedOut` (maybe with `error`) or `signedIn` with `name`. */
  get state() {
    return this.#state;
  }

  /** Calls `listener` after every change of {@link state}; returns the function that unsubscribes it. */
  subscribe = (listener) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Leaves for Logto's sign-in page; the browser comes back to this page with a code. */
  signIn = () => {
    this.#manager.signinRedirect().catch((error) => this.#set({ status: 'signedOut', error: `Sign-in failed: ${describe(error)}` }));
  };

  /** Forgets the user here and ends the session at Logto, which sends the browser back to this page. */
  signOut = () => {
    this.#manager.signoutRedirect().catch(async () => {
      await this.#manager.removeUser();
      this.#set({ status: 'signedOut' });
    });
  };

  /** The access token to send, renewed first when it expires within a minute; null when nobody is signed in. */
  async accessToken() {
    if (!this.#manager) {
      return null;
    }
    let user = await this.#manager.getUser();
    if (!user) {
      return null;
    }
    if (user.expires_in !== undefined && user.expires_in < RENEW_BEFORE_SECONDS) {
      // a failed renewal that did not end the session: the token held may still be good for a while
      user = await this.#renew().catch(() => user);
    }
    return user?.access_token ?? null;
  }

  /**
   * One refresh at a time, with the resource. Without a refresh token, or when Logto refuses it (invalid_grant),
   * the session has ended and the user signs in again; a network failure or a Logto 5xx ends nothing: the next
   * request tries again.
   */
  #renew() {
    if (!this.#renewing) {
      this.#renewing = this.#manager.getUser()
        .then((user) => {
          if (!user?.refresh_token) {
            throw Object.assign(new Error('no refresh token'), { error: 'invalid_grant' });
          }
          return this.#manager.signinSilent({ resource: this.#resource });
        })
        .then((user) => {
          this.#set(signedIn(user));
          return user;
        })
        .catch(async (error) => {
          if (error?.error === 'invalid_grant') {
            await this.#manager.removeUser();
            this.#set({ status: 'signedOut', error: 'Your session has ended: sign in again.' });
          }
          throw error;
        })
        .finally(() => {
          this.#renewing = null;
        });
    }
    return this.#renewing;
  }

  #set(state) {
    this.#state = state;
    this.#listeners.forEach((listener) => listener());
  }
}

function signedIn(user) {
  const profile = user.profile ?? {};
  const name = profile.name || profile.username || profile.email || profile.sub;
  const email = profile.email && profile.email !== name ? profile.email : null;
  return { status: 'signedIn', name, email };
}

function describe(error) {
  return error?.error_description || error?.message || String(error);
}
