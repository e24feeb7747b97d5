import { Controller, Get, Headers, Inject, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import type { Observable } from 'rxjs';
import { ORDER_STATUSES, type OrderStatus } from '@opm/contracts';
import { AcceptQueryToken, Allow, ApiAnswers, booleanWord, Page, PageQuery, ProblemException } from '@opm/platform';
import { EscalationService } from './escalation.service';
import { MonitoringStream } from './monitoring-stream';
import { MonitoringService } from './monitoring.service';
import { EscalationView, MonitoringRowView } from './monitoring.view';

export class MonitoringOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ type: 'boolean', description: 'only orders with at least one overdue item' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'decide overdue as of this time instead of now (what will be late by then); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class EscalationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}

const EVENT_ID = /^\d{1,18}$/;

/** Live monitoring (R6.4) and escalations (R6.5); any signed-in user reads the rows, never of archived orders. */
@ApiTags('tracking')
@Controller('monitoring')
export class MonitoringController {
  constructor(
    @Inject(MonitoringService) private readonly monitoring: MonitoringService,
    @Inject(MonitoringStream) private readonly stream: MonitoringStream,
    @Inject(EscalationService) private readonly escalations: EscalationService,
  ) {}

  @Get('orders')
  @ApiOperation({ summary: 'The current state of every tracked order with its open and overdue items, filterable by status and overdue (R6.4)' })
  @ApiAnswers(MonitoringRowView, { page: true, errors: [400], description: 'a page of monitoring rows, newest order first' })
  async orders(@Query() q: MonitoringOrdersQuery): Promise<Page<MonitoringRowView>> {
    const { items, total } = await this.monitoring.page(null, { status: q.status, overdue: q.overdue, now: q.asOf ? new Date(q.asOf) : undefined, page: q.page, pageSize: q.pageSize });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Nest's @Sse serves this: it writes `id:`, `event:` and comment lines and leaves the event id to us, so resuming
   * from the change log and the heartbeat need nothing beside it.
   */
  @Sse('stream')
  @AcceptQueryToken()
  @ApiOperation({ summary: 'Server-Sent Events: an `order` event (data = the monitoring row) whenever an order changes, resumable with Last-Event-ID, with a heartbeat comment (R6.4)' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this event id (what EventSource sends on reconnecting)' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'the same as the Last-Event-ID header, for a first connection' })
  @ApiQuery({ name: 'access_token', required: false, description: 'the bearer token, for EventSource, which cannot set headers; accepted on this path only' })
  @ApiResponse({ status: 200, content: { 'text/event-stream': { schema: { type: 'string', description: '`event: order`, `id: <change>`, `data: <MonitoringRow JSON>`; `: heartbeat` comments' } } } })
  @ApiAnswers(null, { errors: [400], description: 'the event stream' })
  events(@Headers('last-event-id') header: string | undefined, @Query('lastEventId') query: string | undefined): Observable<MessageEvent> {
    const lastEventId = header ?? query ?? null;
    if (lastEventId !== null && !EVENT_ID.test(lastEventId)) {
      throw new ProblemException(400, 'Last-Event-ID must be an event id this stream sent', { errors: [{ field: header !== undefined ? 'Last-Event-ID' : 'lastEventId', message: 'an event id (digits)' }] });
    }
    return this.stream.events(lastEventId);
  }

  @Get('escalations')
  @Allow('*:HEAD', '*:LEADER')
  @ApiOperation({ summary: 'Escalations raised at once: major problems, late reviews and acknowledgements, overdue or endangering supplier deliveries, with their mail status (R6.5)' })
  @ApiAnswers(EscalationView, { page: true, errors: [400, 403], description: 'a page of escalations, newest first' })
  list(@Query() q: EscalationsQuery): Promise<Page<EscalationView>> {
    return this.escalations.list(q);
  }
}
