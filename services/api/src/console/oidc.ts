// Signing in through the configured OpenID Connect issuer (ProConnect in production): authorization
// code flow with PKCE, state and nonce, held for ten minutes in an HttpOnly cookie of this browser.
// The issuer proves who the person is; the console account (partner and role) stays ours, found by
// the issuer's subject or, the first time, by the e-mail it vouches for.
import type { Config } from '@nonrecours/config';
import * as client from 'openid-client';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
}

/** What the browser keeps between leaving for the issuer and coming back. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  suite: string;
}

export const PENDING_SECONDS = 600;

export function createOidc(config: Config) {
  const issuer = config.CONSOLE_OIDC_ISSUER;
  const clientId = config.CONSOLE_OIDC_CLIENT_ID;
  const redirectUri = config.CONSOLE_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return null;
  const secret = config.CONSOLE_OIDC_CLIENT_SECRET;
  let discovered: Promise<client.Configuration> | undefined;

  /** Discovered on first use, so that the service starts even while the issuer is unreachable. */
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        new URL(issuer!),
        clientId!,
        undefined,
        secret ? client.ClientSecretPost(secret) : client.None(),
        // Plain http only for a local issuer outside production (the configuration refuses it there).
        issuer!.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    name: config.CONSOLE_OIDC_NAME,

    async start(suite: string): Promise<{ url: URL; pending: PendingSignIn }> {
      const pending: PendingSignIn = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        suite,
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: config.CONSOLE_OIDC_SCOPES,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** Checks the issuer's answer (state, PKCE, ID token and nonce) and returns who signed in. */
    async finish(query: string, pending: PendingSignIn): Promise<OidcIdentity> {
      const cfg = await configuration();
      // The URL the issuer redirected to, as configured: the Host header plays no part in it.
      const current = new URL(redirectUri!);
      current.search = query;
      const tokens = await client.authorizationCodeGrant(cfg, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let email = typeof claims.email === 'string' ? claims.email : undefined;
      if (!email && cfg.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
      }
      return { issuer: cfg.serverMetadata().issuer, subject: claims.sub, email };
    },
  };
}

export type Oidc = NonNullable<ReturnType<typeof createOidc>>;
