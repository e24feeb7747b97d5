import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ExecutionConsumer, ExecutionController } from './execution.controller';
import { ExecutionService } from './execution.service';

/** The execution stage: IN_EXECUTION and READY_TO_SHIP from production's and quality's events (R5.1, R5.3). */
@Module({
  imports: [LifecycleModule],
  controllers: [ExecutionController, ExecutionConsumer],
  providers: [ExecutionService],
})
export class ExecutionModule {}
