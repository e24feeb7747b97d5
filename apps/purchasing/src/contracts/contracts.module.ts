import { Module } from '@nestjs/common';
import { overdueScanOf } from '@opm/workflow';
import { ReceiptsController } from '../receipts/receipts.controller';
import { ReceiptsService } from '../receipts/receipts.service';
import { StockModule } from '../stock/stock.module';
import { ContractDeliveryDeadlines } from './contract-deadlines';
import { PurchasingNumbers } from './contract-numbers';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

/** Purchase contracts, their receipts and incoming inspection (R5.2), and the overdue-delivery scan. */
@Module({
  imports: [StockModule],
  controllers: [ContractsController, ReceiptsController],
  providers: [ContractsService, ReceiptsService, PurchasingNumbers, ContractDeliveryDeadlines, overdueScanOf(ContractDeliveryDeadlines)],
  exports: [ContractsService],
})
export class ContractsModule {}
