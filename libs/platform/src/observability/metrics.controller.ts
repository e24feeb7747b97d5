import { Controller, Get, Headers, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../health/public.decorator';
import { ProblemException } from '../http/problem-details';
import { Metrics, OBSERVABILITY_CONFIG } from './metrics';
import type { ObservabilityConfig } from './observability-config';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /metrics`, Prometheus text (issue 11, item 4), at the root beside `/health/*` and, like it, outside the API
 * document and the gateway's routes (the gateway forwards only what the services' documents declare under /api/v1).
 * Open by default, as a scrape inside the cluster expects; with METRICS_TOKEN set it wants that bearer token.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(OBSERVABILITY_CONFIG) private readonly config: ObservabilityConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.METRICS_TOKEN;
    if (token && !timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`))) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    void reply.header('content-type', this.metrics.contentType).send(await this.metrics.text());
  }
}
