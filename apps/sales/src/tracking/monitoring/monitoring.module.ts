import { Module } from '@nestjs/common';
import { ORDER_MAILER_PROVIDER } from '../../documents/order-mailer.provider';
import { LifecycleModule } from '../../lifecycle/lifecycle.module';
import { MeetingsController } from '../meetings/meetings.controller';
import { MeetingsService } from '../meetings/meetings.service';
import { EscalationService } from './escalation.service';
import { MonitoringConsumer } from './monitoring.consumer';
import { MonitoringController } from './monitoring.controller';
import { MonitoringProjection } from './monitoring.projection';
import { MonitoringStream } from './monitoring-stream';
import { MonitoringService } from './monitoring.service';

/** Tracking (R6.3-R6.5): the monitoring projection, its stream, escalations and tracking meetings. */
@Module({
  imports: [LifecycleModule],
  controllers: [MonitoringController, MonitoringConsumer, MeetingsController],
  providers: [MonitoringService, MonitoringProjection, MonitoringStream, EscalationService, MeetingsService, ORDER_MAILER_PROVIDER],
  exports: [MonitoringService],
})
export class TrackingMonitoringModule {}
