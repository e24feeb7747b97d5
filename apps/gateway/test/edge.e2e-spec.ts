import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { TestStack } from '@opm/testing';

/**
 * The gateway's edge: rate limiting, security headers, CORS, and tokens from an external OpenID Connect
 * provider (a real JWKS endpoint served by this test), accepted by the gateway and by the service behind it.
 */
describe('gateway edge: rate limit, headers, CORS, external OIDC (e2e)', () => {
  const ISSUER = 'https://id.customer.test/realms/plant';
  let stack: TestStack;
  let jwksServer: Server;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/certs`;
    stack = await TestStack.start({
      services: ['sales'],
      basePort: Number(process.env.TEST_BASE_PORT ?? 3100) + 50,
      env: { OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: jwksUrl, OIDC_AUDIENCE: 'opm-api', RATE_LIMIT_PER_MINUTE: '40', CORS_ORIGINS: 'https://portal.example.test' },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  const oidcToken = (claims: Record<string, unknown>, audience = 'opm-api') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject('f3a1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it("N4 accepts an external provider's token at the gateway and at the service, mapping department and role", async () => {
    const token = await oidcToken({ preferred_username: 'wang.fang', department: 'sales', role: 'head' });
    await request(stack.member('gateway').baseUrl).get('/api/v1/orders').set('authorization', `Bearer ${token}`).expect(200);
    await request(stack.member('sales').baseUrl).get('/orders').set('authorization', `Bearer ${token}`).expect(200);
    const unknownDept = await oidcToken({ preferred_username: 'x', department: 'CANTEEN', role: 'STAFF' });
    const res = await request(stack.member('gateway').baseUrl).get('/api/v1/orders').set('authorization', `Bearer ${unknownDept}`).expect(401);
    expect(res.body.detail).toContain('department');
    const otherAudience = await oidcToken({ preferred_username: 'x', department: 'SALES', role: 'STAFF' }, 'someone-else');
    await request(stack.member('sales').baseUrl).get('/orders').set('authorization', `Bearer ${otherAudience}`).expect(401);
  });

  it('N4 sends security headers and answers CORS only for the configured origin', async () => {
    const gateway = request(stack.member('gateway').baseUrl);
    const res = await gateway.get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const allowed = await gateway.options('/api/v1/orders').set('origin', 'https://portal.example.test').set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.test');
    const other = await gateway.options('/api/v1/orders').set('origin', 'https://evil.example.test').set('access-control-request-method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('N4 limits the request rate per client with a 429 problem detail', async () => {
    const gateway = request(stack.member('gateway').baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1) statuses.push((await gateway.get('/api/v1/orders')).status);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.slice(-1)[0]).toBe(429);
    const limited = await gateway.get('/api/v1/orders').expect(429);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
