import { Module } from '@nestjs/common';
import { LogisticsOrderPart } from './logistics-order.part';
import { ShipmentNumbers } from './shipment-number';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsService } from './shipments.service';

/** Logistics' execution (R5.5): shipments of an order ready to ship, their dispatch and proof of delivery. */
@Module({
  controllers: [ShipmentsController],
  providers: [ShipmentNumbers, ShipmentsService, LogisticsOrderPart],
  exports: [ShipmentsService],
})
export class ShipmentsModule {}
