import { Module } from '@nestjs/common';
import { CapacityLedger } from './capacity-ledger';

/** The load ledger, shared by the plans that write it and the capacity review that reads it (R3.3). */
@Module({ providers: [CapacityLedger], exports: [CapacityLedger] })
export class CapacityModule {}
