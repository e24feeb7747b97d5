import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEPARTMENT_SERVICES, DepartmentService } from '@opm/contracts';
import { ApiAnswers, apiView, uuidParam, type ViewOf } from '@opm/platform';
import { forwardedHeaders, UpstreamClient, UpstreamUnavailable } from '../upstream/upstream.client';

/** One department's part of the combined view: what it answers for the order, or why it is missing. */
const DepartmentPartSchema = z
  .union([
    z.object({ unavailable: z.literal(true), reason: z.string().describe('why the part is missing: down, slow, or what it answered') }),
    z.object({ received: z.literal(false) }).describe('the department has not received the order (yet)'),
    z.record(z.string(), z.unknown()).describe("the department's part, as `GET /api/v1/<department>/orders/{orderId}` answers it"),
  ])
  .describe('`{unavailable: true, reason}`, `{received: false}`, or the part');

export type DepartmentPart = z.infer<typeof DepartmentPartSchema>;

/** `GET /api/v1/orders/{id}`: the sales part of the order plus every department's part (R1.3). */
export const CombinedOrderView = apiView(
  'CombinedOrder',
  z
    .object({
      id: z.uuid(),
      number: z.string(),
      status: z.string(),
      version: z.number().int().describe('the version to send as If-Match with the next write'),
      departments: z.object({
        production: DepartmentPartSchema,
        purchasing: DepartmentPartSchema,
        quality: DepartmentPartSchema,
        finance: DepartmentPartSchema,
        logistics: DepartmentPartSchema,
      }) satisfies z.ZodType<Record<DepartmentService, DepartmentPart>>,
    })
    // The rest is the sales part as sales answers it (its own `GET /orders/{id}`), passed on unchanged.
    .catchall(z.unknown()),
);
export type CombinedOrder = ViewOf<typeof CombinedOrderView>;

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
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(CombinedOrderView, { errors: [400, 404, 503, 504], description: 'the sales part with `departments: {production, purchasing, quality, finance, logistics}`' })
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
    const combined: CombinedOrder = { ...JSON.parse(sales.body.toString('utf8')), departments };
    void reply.status(200).send(combined);
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
