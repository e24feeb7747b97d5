import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { z } from 'zod';
import { ApiAnswers, apiView, type ViewOf } from '../http/api-docs';
import { EventTransport } from '../messaging/event-transport';
import { Public } from './public.decorator';

/** One dependency's state: `up` or `down`, with what the check found (a `down` one says why in `message`). */
const HealthIndicatorSchema = z.object({ status: z.enum(['up', 'down']) }).catchall(z.unknown());
const HealthIndicatorsSchema = z.partialRecord(z.string(), HealthIndicatorSchema);

/**
 * What the probes answer (N6): `ok`, and for readiness each dependency by name (`database`, `kafka` or `memory`).
 * A readiness check that fails is 503 problem details carrying the same `info`, `error` and `details`.
 */
export const HealthView = apiView(
  'Health',
  z.object({
    status: z.literal('ok'),
    info: HealthIndicatorsSchema.optional().describe('the dependencies that are up'),
    error: HealthIndicatorsSchema.optional().describe('the dependencies that are down (none on a 200)'),
    details: HealthIndicatorsSchema.optional().describe('every dependency'),
  }),
);
export type HealthView = ViewOf<typeof HealthView>;

/** Liveness (the process answers) and readiness (its database and event transport answer), N6. No auth. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly transport: EventTransport,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiAnswers(HealthView, { description: '`{status: "ok"}`' })
  live(): HealthView {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus documents its own answers unless told not to; these are documented below, as every operation's are.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: the database and the event transport answer',
    description: 'While a dependency is down: 503 problem details carrying `info`, `error` and `details` as a 200 would.',
  })
  @ApiAnswers(HealthView, { errors: [503], description: 'every dependency is up' })
  async ready(): Promise<HealthView> {
    const result = await this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check(this.transport.kind);
        try {
          await this.transport.ping();
          return indicator.up();
        } catch (err) {
          return indicator.down({ message: (err as Error).message });
        }
      },
    ]);
    // check() answers 503 unless every dependency is up, so what it returns is "ok" (same body, status narrowed).
    return { ...result, status: 'ok' };
  }
}
