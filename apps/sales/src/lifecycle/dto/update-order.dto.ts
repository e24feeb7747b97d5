import { PickType } from '@nestjs/swagger';
import { CreateOrderDto } from './create-order.dto';

/** PATCH /orders/{id}: the information the customer supplies while the order waits for it (R2.5). */
export class UpdateOrderDto extends PickType(CreateOrderDto, [
  'contactPerson',
  'contactPhone',
  'deliveryDate',
  'deliveryPlace',
  'paymentTerms',
  'specialRequirements',
] as const) {}
