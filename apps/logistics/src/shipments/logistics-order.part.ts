import { Injectable } from '@nestjs/common';
import type { DepartmentOrderPart } from '@opm/workflow';
import type { LogisticsShippingView } from './shipment.view';
import { ShipmentsService } from './shipments.service';

/** Logistics' records in its part of `GET /orders/{id}`: the order's shipments and what remains to ship (R5.5). */
@Injectable()
export class LogisticsOrderPart implements DepartmentOrderPart {
  constructor(private readonly shipments: ShipmentsService) {}

  partOf(orderId: string): Promise<LogisticsShippingView | null> {
    return this.shipments.partOf(orderId);
  }
}
