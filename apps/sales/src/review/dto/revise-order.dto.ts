import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CreateOrderDto } from '../../lifecycle/dto/create-order.dto';

class RevisableFields extends PickType(CreateOrderDto, [
  'lines',
  'deliveryDate',
  'deliveryPlace',
  'paymentTerms',
  'contactPerson',
  'contactPhone',
  'specialRequirements',
  'complex',
] as const) {}

/** POST /orders/{id}/revise (R3.7): what was agreed with the customer after a failed review, and why. */
export class ReviseOrderDto extends PartialType(RevisableFields) {
  @ApiProperty({ example: 'customer accepts delivery on 2027-05-10 and a price of 13.20' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
