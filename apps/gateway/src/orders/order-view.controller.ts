import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEPARTMENT_SERVICES, DepartmentService } from '@opm/contracts';
import { uuidParam } from '@opm/platform';
import { forwardedHeaders, UpstreamClient, UpstreamUnavailable } from '../upstream/upstream.client';

export type DepartmentPart = Record<string, unknown> | { unavailable: true; reason: string } | { received: false };

/**
 * The combined view of one order (R1.3): the sales part plus each department's part, fetched in parallel;
 * a department that is down or slow is marked `unavailable` and the rest is still served.
 */
@ApiTags('orders')
@Controller('api/v1/orders')
export class OrderViewController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get(':id')
  @ApiOperation({ summary: 'The combined view: the sales part plus each department part (R1.3)' })
  @ApiOkResponse({ description: 'sales part with `departments: {production, purchasing, quality, finance, logistics}`' })
  async get(@Param('id', uuidParam('id')) id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const headers = forwardedHeaders(req);
    const salesCall = this.upstream.call('sales', { method: 'GET', path: `/orders/${id}`, headers });
    const parts = Promise.all(DEPARTMENT_SERVICES.map((d) => this.part(d, id, headers)));
    const [sales, departmentParts] = await Promise.all([salesCall, parts]);
    const contentType = sales.headers.get('content-type') ?? 'application/json';
    if (sales.status !== 200) {
      void reply.status(sales.status).header('content-type', contentType).send(sales.body);
      return;
    }
    const departments = Object.fromEntries(departmentParts.map((p, i) => [DEPARTMENT_SERVICES[i], p]));
    void reply.status(200).send({ ...JSON.parse(sales.body.toString('utf8')), departments });
  }

  private async part(department: DepartmentService, id: string, headers: Record<string, string>): Promise<DepartmentPart> {
    try {
      const res = await this.upstream.getJson<Record<string, unknown>>(department, `/${department}/orders/${id}`, headers, this.upstream.partTimeoutMs);
      if (res.status === 200) return res.body;
      if (res.status === 404) return { received: false };
      return { unavailable: true, reason: `${department} answered ${res.status}` };
    } catch (err) {
      if (err instanceof UpstreamUnavailable) return { unavailable: true, reason: err.reason };
      throw err;
    }
  }
}
