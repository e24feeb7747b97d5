import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ChangeImpactConsumer, ChangesController } from './changes.controller';
import { ChangesService } from './changes.service';

/** The change stage (R8.1-8.3): change requests, their impacts and approvals, the order's versions. */
@Module({
  imports: [LifecycleModule],
  controllers: [ChangesController, ChangeImpactConsumer],
  providers: [ChangesService],
})
export class ChangesModule {}
