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

/** Example body of PATCH /orders/{id} for the API document. */
export const UPDATE_ORDER_EXAMPLES = {
  missingItems: {
    summary: 'the items preliminaryReview.missing named',
    value: { contactPhone: '+86 21 5555 0101', deliveryDate: '2027-03-01', paymentTerms: '30 days net' },
  },
};
