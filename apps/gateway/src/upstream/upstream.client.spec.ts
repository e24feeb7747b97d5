import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayConfig } from '../config';
import { UpstreamClient, UpstreamUnavailable } from './upstream.client';

/** A real HTTP server on 127.0.0.1 that drops the first `drops` connections mid-request, then answers. */
async function flakyService(drops: number): Promise<{ server: Server; url: string; requests: () => number }> {
  let seen = 0;
  const server = createServer((req, res) => {
    seen += 1;
    if (seen <= drops) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, method: req.method }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, requests: () => seen };
}

function clientFor(url: string): UpstreamClient {
  const config = { UPSTREAM_TIMEOUT_MS: 2000, PART_TIMEOUT_MS: 1000, upstreams: new Map([['purchasing', url]]) } as unknown as GatewayConfig;
  return new UpstreamClient(config);
}

describe('UpstreamClient (N2, R1.3)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('R1.3 a read whose connection the service dropped is sent once more and answered', async () => {
    const svc = await flakyService(1);
    servers.push(svc.server);
    const res = await clientFor(svc.url).getJson<{ ok: boolean }>('purchasing', '/orders/x', {});
    expect(res).toEqual({ status: 200, body: { ok: true, method: 'GET' } });
    expect(svc.requests()).toBe(2);
  });

  it('N2 a write is never repeated by the gateway, and the failure names what went wrong underneath', async () => {
    const svc = await flakyService(1);
    servers.push(svc.server);
    const call = clientFor(svc.url).call('purchasing', { method: 'POST', path: '/orders', body: { a: 1 } });
    await expect(call).rejects.toBeInstanceOf(UpstreamUnavailable);
    await expect(call).rejects.toMatchObject({ reason: expect.stringMatching(/^purchasing is unreachable: fetch failed \(.+\)$/) });
    expect(svc.requests()).toBe(1);
  });

  it('N2 a service that keeps dropping the read is reported unavailable after one retry, not retried forever', async () => {
    const svc = await flakyService(5);
    servers.push(svc.server);
    await expect(clientFor(svc.url).getJson('purchasing', '/orders/x', {})).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(svc.requests()).toBe(2);
  });

  it('N2 a refused connection (the service is down) is answered at once with its code', async () => {
    const svc = await flakyService(0);
    await new Promise((r) => svc.server.close(r));
    await expect(clientFor(svc.url).getJson('purchasing', '/orders/x', {})).rejects.toMatchObject({
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
