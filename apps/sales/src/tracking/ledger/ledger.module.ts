import { Module } from '@nestjs/common';
import { LedgerConsumer, LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

/** The tracking ledger (R6.2): every department's facts about an order, entered once, in order per order. */
@Module({
  controllers: [LedgerController, LedgerConsumer],
  providers: [LedgerService],
  exports: [LedgerService],
})
export class LedgerModule {}
