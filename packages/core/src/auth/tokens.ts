// Issues the service's short-lived access tokens and verifies bearer tokens from the service itself
// or from the external OpenID Connect issuers of the configuration (algorithms pinned per issuer).
import type { OidcIssuerConfig } from '@nonrecours/config';
import { type ClientRole, clientRoles } from '@nonrecours/db';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { z } from 'zod';
import { AppError, unauthorized } from '../errors.ts';
import type { Principal } from './principal.ts';
import { SIGNING_ALG, type SigningKey } from './signing-key.ts';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Who a service-issued token is for: an API client, or a console account (claim `sub_kind`). */
export type TokenSubjectKind = 'client' | 'account';

export async function issueAccessToken(
  key: SigningKey,
  settings: TokenSettings,
  client: { id: string; partnerId: string; role: ClientRole; kind?: TokenSubjectKind },
): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
  const account = client.kind === 'account' ? { sub_kind: 'account' } : {};
  const token = await new SignJWT({ org: client.partnerId, role: client.role, ...account })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(client.id)
    .setIssuedAt()
    .setExpirationTime(`${settings.ttlSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  return { access_token: token, token_type: 'Bearer', expires_in: settings.ttlSeconds };
}

const claimsSchema = z.object({ sub: z.string().min(1), org: z.uuid(), role: z.enum(clientRoles) });

export type TokenVerifier = (token: string) => Promise<Principal>;

/** Verified tokens kept at most: a bound on memory whatever the number of callers. */
const VERIFIED_KEPT = 10_000;
/** How long a verified token is trusted without checking its signature again, at most. */
const VERIFIED_FOR_MS = 60_000;

export function createTokenVerifier(options: {
  key: SigningKey;
  settings: TokenSettings;
  oidcIssuers: readonly OidcIssuerConfig[];
}): TokenVerifier {
  const local = createLocalJWKSet({ keys: [options.key.publicJwk] });
  const external = new Map(
    options.oidcIssuers.map((cfg) => [
      cfg.issuer,
      { cfg, jwks: createRemoteJWKSet(new URL(cfg.jwksUrl), { timeoutDuration: 3000 }) },
    ]),
  );

  const principalFrom = (
    payload: JWTPayload,
    issuer: string,
    local: boolean,
    partnerClaim = 'org',
    roleClaim = 'role',
  ) => {
    const parsed = claimsSchema.safeParse({
      sub: payload.sub,
      org: payload[partnerClaim],
      role: payload[roleClaim],
    });
    if (!parsed.success) throw unauthorized('the token does not carry a valid partner and role');
    const { sub, org, role } = parsed.data;
    const account = local && payload.sub_kind === 'account';
    return {
      subject: sub,
      partnerId: org,
      role,
      issuer,
      clientId: local && !account ? sub : null,
      accountId: account ? sub : null,
    } satisfies Principal;
  };

  // A client sends the same token with every request until it expires: its signature is checked once
  // a minute (an issuer's key withdrawn from its JWKS stops it within that time), not every time.
  // Revocation does not depend on this: the access plugin looks the client up on every request.
  const verified = new Map<string, { principal: Principal; until: number }>();
  const verify = async (token: string) => {
    const now = Date.now();
    const known = verified.get(token);
    if (known && known.until > now) return known.principal;
    verified.delete(token);
    const { principal, expiresAt } = await verifySignature(token);
    if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, { principal, until: Math.min(expiresAt, now + VERIFIED_FOR_MS) });
    return principal;
  };

  const verifySignature = async (token: string): Promise<{ principal: Principal; expiresAt: number }> => {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthorized('the bearer token is not a JWT');
    }
    try {
      if (issuer === options.settings.issuer) {
        const { payload } = await jwtVerify(token, local, {
          issuer,
          audience: options.settings.audience,
          algorithms: [SIGNING_ALG],
          requiredClaims: ['sub', 'exp'],
        });
        return { principal: principalFrom(payload, issuer, true), expiresAt: payload.exp! * 1000 };
      }
      const known = issuer ? external.get(issuer) : undefined;
      if (!known) throw unauthorized('the token comes from an unknown issuer');
      const { payload } = await jwtVerify(token, known.jwks, {
        issuer: known.cfg.issuer,
        audience: known.cfg.audience,
        algorithms: known.cfg.algorithms,
        requiredClaims: ['sub', 'exp'],
      });
      return {
        principal: principalFrom(
          payload,
          known.cfg.issuer,
          false,
          known.cfg.partnerClaim,
          known.cfg.roleClaim,
        ),
        expiresAt: payload.exp! * 1000,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new AppError(503, 'issuer_unavailable', 'the token issuer could not be reached');
      }
      if (error instanceof errors.JWTExpired) throw unauthorized('the token has expired');
      throw unauthorized('the token is not valid');
    }
  };
  return verify;
}
