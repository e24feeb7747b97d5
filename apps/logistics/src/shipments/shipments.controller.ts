import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, Idempotent, IfMatch, type Page, type Principal, uuidParam } from '@opm/platform';
import { ListShipmentsQuery } from './dto/list-shipments.query';
import { ChangeShipmentDto, DeliveryDto, DispatchShipmentDto, PlanShipmentDto } from './dto/plan-shipment.dto';
import { SHIPMENT_EXAMPLE, ShipmentView } from './shipment.view';
import { ShipmentsService } from './shipments.service';

const ORDER = '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90';
const PLAN_EXAMPLES = {
  defaults: {
    summary: "part of the order; transport mode and packaging from the order's special requirements (R2.3)",
    value: { orderId: ORDER, lines: [{ lineNo: 1, quantity: 60 }], carrier: 'COSCO Shipping', plannedDate: '2027-02-15' },
  },
  given: {
    summary: 'the rest by air, in the packaging given here',
    value: { orderId: ORDER, lines: [{ lineNo: 1, quantity: 40 }], carrier: 'DHL Global Forwarding', plannedDate: '2027-02-20', transportMode: 'air freight', packaging: 'carton on pallet' },
  },
};
const DELIVERY_EXAMPLES = {
  all: { summary: "everything the shipment carried (lines default to the shipment's)", value: { receivedBy: 'Li Wei, goods-in', receivedAt: '2027-03-01T10:30:00+08:00', note: null } },
  short: { summary: 'fewer received than carried', value: { receivedBy: 'Li Wei, goods-in', receivedAt: '2027-03-01T10:30:00+08:00', lines: [{ lineNo: 1, quantity: 58 }], note: '2 flanges missing from crate 3' } },
};

@ApiTags('logistics')
@Controller('logistics/shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Post()
  @Allow('LOGISTICS')
  @Idempotent()
  @ApiOperation({
    summary: 'Plan a shipment of an order READY_TO_SHIP or already SHIPPED (R5.5); mode and packaging default from R2.3',
    description:
      "Logistics staff. 409 unless logistics' copy of the order is READY_TO_SHIP or SHIPPED. A line's quantity above what remains to ship " +
      '(ordered minus what non-cancelled shipments hold) is 422 naming `lines[i].quantity`; an order line that does not exist 422 naming ' +
      "`lines[i].lineNo`; an order logistics never received 422 naming `orderId`; `transportMode`/`packaging` default from the order's " +
      'special requirements and are required (422 naming them) when those name none. Publishes logistics.shipment.planned.v1.',
  })
  @ApiBody({ type: PlanShipmentDto, examples: PLAN_EXAMPLES })
  @ApiAnswers(ShipmentView, { status: 201, errors: [400, 403, 409, 422], description: 'the shipment, PLANNED', example: SHIPMENT_EXAMPLE })
  plan(@Body() dto: PlanShipmentDto, @CurrentPrincipal() principal: Principal): Promise<ShipmentView> {
    return this.shipments.plan(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: "Shipments (R5.5), an order's with `?orderId=`, oldest first" })
  @ApiAnswers(ShipmentView, { page: true, errors: [400], description: 'a page of shipments' })
  list(@Query() query: ListShipmentsQuery): Promise<Page<ShipmentView>> {
    return this.shipments.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One shipment with its dispatch and proof of delivery (R5.5)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ShipmentView, { errors: [400, 404], description: 'the shipment', example: SHIPMENT_EXAMPLE })
  get(@Param('id', uuidParam('id')) id: string): Promise<ShipmentView> {
    return this.shipments.get(id);
  }

  @Patch(':id')
  @Allow('LOGISTICS')
  @ApiOperation({
    summary: 'Change a planned shipment: carrier, planned date, transport mode, packaging (R5.5, R2.3)',
    description: 'Only while PLANNED (409 after dispatch); a stale If-Match is 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: ChangeShipmentDto, examples: { mode: { summary: 'by air after all', value: { transportMode: 'air freight', packaging: 'carton on pallet' } } } })
  @ApiAnswers(ShipmentView, { errors: [400, 403, 404, 409], description: 'the shipment as changed' })
  change(@Param('id', uuidParam('id')) id: string, @Body() dto: ChangeShipmentDto, @CurrentPrincipal() principal: Principal, @IfMatch() ifMatch: number | undefined): Promise<ShipmentView> {
    return this.shipments.change(id, dto, principal, ifMatch);
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Allow('LOGISTICS')
  @ApiOperation({
    summary: 'The shipment leaves the plant (R5.5): DISPATCHED; sales moves the order to SHIPPED',
    description: 'Only a PLANNED shipment (409 otherwise, and for an order no longer READY_TO_SHIP or SHIPPED). Publishes logistics.shipment.dispatched.v1.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: DispatchShipmentDto, examples: { tracked: { summary: 'with the carrier\'s tracking number', value: { trackingNumber: 'COSU6182736450' } } } })
  @ApiAnswers(ShipmentView, { errors: [400, 403, 404, 409], description: 'the shipment, DISPATCHED' })
  dispatch(@Param('id', uuidParam('id')) id: string, @Body() dto: DispatchShipmentDto, @CurrentPrincipal() principal: Principal, @IfMatch() ifMatch: number | undefined): Promise<ShipmentView> {
    return this.shipments.dispatch(id, dto, principal, ifMatch);
  }

  @Post(':id/delivery')
  @HttpCode(200)
  @Allow('LOGISTICS')
  @ApiOperation({
    summary: 'Proof of delivery (R5.5): DELIVERED; sales moves the order to DELIVERED once every ordered quantity is delivered',
    description:
      "Only a DISPATCHED shipment (409 otherwise). `lines` default to the shipment's; a line it does not carry or more than it carried is 422 " +
      "naming the field. Publishes logistics.shipment.delivered.v1 with every order line's delivered total over the order's shipments.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: DeliveryDto, examples: DELIVERY_EXAMPLES })
  @ApiAnswers(ShipmentView, { errors: [400, 403, 404, 409, 422], description: 'the shipment, DELIVERED, with its proof of delivery' })
  deliver(@Param('id', uuidParam('id')) id: string, @Body() dto: DeliveryDto, @CurrentPrincipal() principal: Principal, @IfMatch() ifMatch: number | undefined): Promise<ShipmentView> {
    return this.shipments.deliver(id, dto, principal, ifMatch);
  }
}
