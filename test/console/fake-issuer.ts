// A minimal OpenID Connect issuer on 127.0.0.1 for the console's sign-in tests: discovery, an
// authorization endpoint that consents at once for the identity it is told to vouch for, a token
// endpoint that checks the PKCE verifier, and its JWKS. It plays the part of ProConnect.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeIssuer {
  url: string;
  clientId: string;
  /** The identity the next sign-in vouches for. */
  identity: { sub: string; email?: string };
  close(): Promise<void>;
}

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<
    string,
    { challenge: string; nonce: string; redirect: string; sub: string; email?: string }
  >();
  const state: FakeIssuer = {
    url: '',
    clientId: 'console-test',
    identity: { sub: 'agent-1' },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', state.url);
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer: state.url,
        authorization_endpoint: `${state.url}/authorize`,
        token_endpoint: `${state.url}/token`,
        jwks_uri: `${state.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('code_challenge_method') !== 'S256' || p.get('client_id') !== state.clientId)
        return json(res, 400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('base64url');
      grants.set(code, {
        challenge: p.get('code_challenge')!,
        nonce: p.get('nonce')!,
        redirect: p.get('redirect_uri')!,
        ...state.identity,
      });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state')!);
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const grant = grants.get(form.get('code') ?? '');
      grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (
        !grant ||
        form.get('redirect_uri') !== grant.redirect ||
        createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
      )
        return json(res, 400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({
        nonce: grant.nonce,
        ...(grant.email ? { email: grant.email } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'fake-1' })
        .setIssuer(state.url)
        .setAudience(state.clientId)
        .setSubject(grant.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(res, 200, {
        access_token: 'opaque',
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return state;
}
