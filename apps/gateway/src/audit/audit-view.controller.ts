import { Controller, Get, HttpStatus, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ActorSchema, SERVICES, ServiceName } from '@opm/contracts';
import { Allow, ApiAnswers, apiView, AUDIT_READERS, AuditEntry, AuditVerificationView, ChainVerification, ProblemException, uuidParam, type ViewOf } from '@opm/platform';
import { forwardedHeaders, UpstreamClient, UpstreamUnavailable } from '../upstream/upstream.client';

type Fetched<T> = { service: ServiceName; body: T } | { service: ServiceName; unavailable: string };

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One entry of a service's trail, as the service answers it (`AuditEntry` of the platform). */
const AuditEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int().positive().describe("position in its service's chain"),
  occurredAt: z.iso.datetime({ offset: true }),
  service: z.string().describe('the service whose trail holds the entry'),
  actor: ActorSchema,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orderId: z.uuid().nullable(),
  reason: z.string().nullable(),
  before: z.unknown().describe('the entity before the change (any JSON value); null on creation'),
  after: z.unknown().describe('the entity after the change (any JSON value)'),
  correlationId: z.string().nullable(),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
}) satisfies z.ZodType<AuditEntry>;

/** `GET /api/v1/orders/{id}/audit`: every service's entries for one order in time order, and who could not be asked. */
export const OrderAuditTrailView = apiView(
  'OrderAuditTrail',
  z.object({
    items: z.array(AuditEntrySchema),
    unavailable: z.array(z.enum(SERVICES)).describe('services whose trail is missing from `items` (down or slow)'),
  }),
);

/** A service's verification as it answers it (`AuditVerification` of the platform). */
const ChainVerificationSchema = AuditVerificationView.schema;

/** `GET /api/v1/audit/verify`: every service's chain verified; `ok` only if all are. */
export const AuditVerificationSummaryView = apiView(
  'AuditVerificationSummary',
  z.object({
    ok: z.boolean(),
    services: z.array(
      z.union([ChainVerificationSchema, z.object({ service: z.enum(SERVICES), ok: z.literal(false), unavailable: z.string().describe('why it could not be asked') })]),
    ),
  }),
);

/** Every service keeps its own audit trail; the gateway shows them as one (N4). */
@ApiTags('audit')
@Controller('api/v1')
export class AuditViewController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('orders/:id/audit')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "Every service's audit entries for one order, in time order (N4)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(OrderAuditTrailView, { errors: [400, 403], description: 'the entries of every service that answered, oldest first' })
  async orderAudit(@Param('id', uuidParam('id')) id: string, @Req() req: FastifyRequest): Promise<ViewOf<typeof OrderAuditTrailView>> {
    const results = await this.fromEveryService<{ items: AuditEntry[] }>(`/audit/orders/${id}`, req);
    const items = results
      .flatMap((r) => ('body' in r ? r.body.items : []))
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.service.localeCompare(b.service) || a.seq - b.seq);
    return { items, unavailable: results.filter((r) => 'unavailable' in r).map((r) => r.service) };
  }

  @Get('audit/verify')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "Verifies every service's audit hash chain and reports edited, deleted and truncated entries (N4, issue 11)" })
  @ApiAnswers(AuditVerificationSummaryView, { errors: [403], description: 'each chain, and `ok` if all are whole (a broken chain is still 200)' })
  async verify(@Req() req: FastifyRequest): Promise<ViewOf<typeof AuditVerificationSummaryView>> {
    const results = await this.fromEveryService<ChainVerification>('/audit/verify', req);
    const services = results.map((r) => ('body' in r ? r.body : { service: r.service, ok: false as const, unavailable: r.unavailable }));
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
