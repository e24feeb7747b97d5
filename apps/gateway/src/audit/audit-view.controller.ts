import { Controller, Get, HttpStatus, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SERVICES, ServiceName } from '@opm/contracts';
import { Allow, AUDIT_READERS, AuditEntry, ChainVerification, ProblemException, uuidParam } from '@opm/platform';
import { forwardedHeaders, UpstreamClient, UpstreamUnavailable } from '../upstream/upstream.client';

type Fetched<T> = { service: ServiceName; body: T } | { service: ServiceName; unavailable: string };

/** Every service keeps its own audit trail; the gateway shows them as one (N4). */
@ApiTags('audit')
@Controller('api/v1')
export class AuditViewController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('orders/:id/audit')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "Every service's audit entries for one order, in time order (N4)" })
  @ApiOkResponse({ description: '{items: [...], unavailable: [service]}' })
  async orderAudit(@Param('id', uuidParam('id')) id: string, @Req() req: FastifyRequest) {
    const results = await this.fromEveryService<{ items: AuditEntry[] }>(`/audit/orders/${id}`, req);
    const items = results
      .flatMap((r) => ('body' in r ? r.body.items : []))
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.service.localeCompare(b.service) || a.seq - b.seq);
    return { items, unavailable: results.filter((r) => 'unavailable' in r).map((r) => r.service) };
  }

  @Get('audit/verify')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "Verifies every service's audit hash chain and names the first broken entry (N4)" })
  async verify(@Req() req: FastifyRequest) {
    const results = await this.fromEveryService<ChainVerification>('/audit/verify', req);
    const services = results.map((r) => ('body' in r ? r.body : { service: r.service, ok: false, unavailable: r.unavailable }));
    return { ok: services.every((s) => s.ok), services };
  }

  private async fromEveryService<T>(path: string, req: FastifyRequest): Promise<Fetched<T>[]> {
    const headers = forwardedHeaders(req);
    return Promise.all(
      SERVICES.map(async (service): Promise<Fetched<T>> => {
        try {
          const res = await this.upstream.getJson<T>(service, path, headers);
          if (res.status === 200) return { service, body: res.body };
          // The gateway checked the same rule; a refusal here means the service disagrees: say so, do not hide it.
          if (res.status === HttpStatus.UNAUTHORIZED || res.status === HttpStatus.FORBIDDEN) {
            throw new ProblemException(res.status, `${service} refused: ${JSON.stringify(res.body)}`);
          }
          return { service, unavailable: `${service} answered ${res.status}` };
        } catch (err) {
          if (err instanceof UpstreamUnavailable) return { service, unavailable: err.reason };
          throw err;
        }
      }),
    );
  }
}
