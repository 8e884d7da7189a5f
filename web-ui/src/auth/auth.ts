import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

// Staff sign in with OpenID Connect, authorization code + PKCE (oidc-client-ts does the PKCE). Where: GET /web-ui/config
// (the company's identity provider, or in the local profile this application's own issuer). Tokens are kept in this
// tab's sessionStorage only, and never in a URL.

type Config = { authority?: string; clientId?: string; scope?: string };

let manager: Promise<UserManager> | undefined;

export function userManager(): Promise<UserManager> {
  manager ??= fetch('/web-ui/config')
    .then((r) => {
      if (!r.ok) throw new Error(`sign-in settings: HTTP ${r.status}`);
      return r.json() as Promise<Config>;
    })
    .then((config) => {
      const origin = window.location.origin;
      return new UserManager({
        authority: config.authority || origin,
        client_id: config.clientId || 'web-ui',
        scope: config.scope || 'openid profile',
        redirect_uri: `${origin}/auth/callback`,
        post_logout_redirect_uri: `${origin}/`,
        response_type: 'code',
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: false,
      });
    })
    .catch((e: unknown) => {
      manager = undefined;   // asked again next time, not failed for good
      throw e;
    });
  return manager;
}

/** Where the user was going, so the login brings them back to the same screen. */
export type ReturnTo = { returnTo: string };

const ATTEMPTS = 'kraft-cis.sign-in-attempts';

/**
 * Set once the user asked to sign out: a request refused meanwhile (its token already gone, 401) must not start a
 * sign-in, which would race the sign-out and, with the provider's session still alive, sign the user straight back in.
 */
let signingOut = false;

/** Thrown instead of sending the browser to the provider a fourth time within a minute (a loop: clock, issuer, cookies). */
export class SignInKeepsFailing extends Error {
  constructor() {
    super('sign-in keeps failing');
  }
}

/** Forget earlier attempts (the user asked to try again, or a sign-in succeeded). */
export function resetSignInAttempts() {
  sessionStorage.removeItem(ATTEMPTS);
}

/** The redirect already under way: a screen's parallel requests all refused (401) start one sign-in, not one each. */
let redirecting: Promise<void> | undefined;

export function signIn(): Promise<void> {
  redirecting ??= startSignIn().finally(() => {
    redirecting = undefined;
  });
  return redirecting;
}

async function startSignIn(): Promise<void> {
  if (signingOut) return;
  const now = Date.now();
  const recent = (JSON.parse(sessionStorage.getItem(ATTEMPTS) ?? '[]') as number[]).filter((t) => now - t < 60_000);
  if (recent.length >= 3) throw new SignInKeepsFailing();
  sessionStorage.setItem(ATTEMPTS, JSON.stringify([...recent, now]));
  const um = await userManager();
  const returnTo = window.location.pathname + window.location.search;
  await um.signinRedirect({ state: { returnTo } satisfies ReturnTo });
}

export async function currentUser(): Promise<User | null> {
  const user = await (await userManager()).getUser();
  return user && !user.expired ? user : null;
}

export async function signOut(): Promise<void> {
  signingOut = true;
  const um = await userManager();
  const user = await um.getUser();
  await um.removeUser();
  await um.signoutRedirect({ id_token_hint: user?.id_token });
}

export async function completeSignIn(): Promise<string> {
  const user = await (await userManager()).signinRedirectCallback();
  resetSignInAttempts();
  const state = user.state as ReturnTo | undefined;
  return state?.returnTo && state.returnTo.startsWith('/') && !state.returnTo.startsWith('/auth/') ? state.returnTo : '/';
}
