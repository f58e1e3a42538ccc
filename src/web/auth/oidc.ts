/**
 * OpenID Connect sign-in through openid-client: authorisation code with PKCE, state and nonce,
 * against each council's directory on the allow-list. The only openid-client and jose import.
 * Bearer tokens for the JSON API are JWT access tokens checked against the issuer's keys.
 */
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcSettings } from './settings';

/** What the session keeps between the redirect to the directory and the callback. */
export interface PendingSignIn {
  council: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface Identity {
  council: string;
  issuer: string;
  claims: Record<string, unknown>;
}

export interface OidcClient {
  /** The councils whose directories may sign people in, in the order configured. */
  councils(): string[];
  /** The directory's sign-in URL for `council`, and what to keep until the callback. */
  begin(council: string, returnTo: string): Promise<{ url: string; pending: PendingSignIn }>;
  /** Exchanges the callback's code (PKCE, state, nonce and issuer checked) for the ID token's claims. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<Identity>;
  /** The claims of a bearer access token from an allowed issuer, or null for any other token. */
  verifyBearer(token: string): Promise<Identity | null>;
  /** The directory's sign-out URL, if it has one. */
  endSessionUrl(council: string, postLogoutRedirect: string): Promise<string | null>;
}

/** One client for the allow-listed issuers; each issuer's metadata is discovered on first use. */
export function oidcClient(settings: OidcSettings): OidcClient {
  const configs = new Map<string, Promise<client.Configuration>>();
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  function issuerOf(council: string): string {
    const found = settings.issuers.find((i) => i.council === council);
    if (found === undefined) throw Object.assign(new Error(`no directory for "${council}"`), { status: 404 });
    return found.issuer;
  }

  function configFor(council: string): Promise<client.Configuration> {
    const issuer = issuerOf(council);
    let config = configs.get(council);
    if (config === undefined) {
      const options = settings.allowHttpIssuers ? { execute: [client.allowInsecureRequests] } : undefined;
      config = client.discovery(new URL(issuer), settings.clientId, settings.clientSecret, undefined, options);
      // A failed discovery is tried again next time rather than remembered.
      config.catch(() => configs.delete(council));
      configs.set(council, config);
    }
    return config;
  }

  return {
    councils: () => settings.issuers.map((i) => i.council),

    async begin(council, returnTo) {
      const config = await configFor(council);
      const verifier = client.randomPKCECodeVerifier();
      const pending: PendingSignIn = { council, state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configFor(pending.council);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('no ID token');
      // openid-client has checked iss against the discovered issuer; the allow-list is checked here too.
      if (claims.iss !== config.serverMetadata().issuer || claims.iss !== issuerOf(pending.council))
        throw new Error(`issuer ${claims.iss} is not on the allow-list`);
      return { council: pending.council, issuer: claims.iss, claims: { ...claims } };
    },

    async verifyBearer(token) {
      let unverified: JWTPayload;
      try {
        unverified = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as JWTPayload;
      } catch {
        return null;
      }
      const setting = settings.issuers.find((i) => i.issuer === unverified.iss);
      if (setting === undefined) return null;
      try {
        const config = await configFor(setting.council);
        const jwksUri = config.serverMetadata().jwks_uri;
        if (jwksUri === undefined) return null;
        let keys = keySets.get(setting.council);
        if (keys === undefined) {
          keys = createRemoteJWKSet(new URL(jwksUri));
          keySets.set(setting.council, keys);
        }
        const { payload } = await jwtVerify(token, keys, { issuer: setting.issuer, audience: settings.apiAudience });
        return { council: setting.council, issuer: setting.issuer, claims: { ...payload } };
      } catch {
        return null;
      }
    },

    async endSessionUrl(council, postLogoutRedirect) {
      try {
        const config = await configFor(council);
        if (config.serverMetadata().end_session_endpoint === undefined) return null;
        return client.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirect }).href;
      } catch {
        return null;
      }
    },
  };
}
