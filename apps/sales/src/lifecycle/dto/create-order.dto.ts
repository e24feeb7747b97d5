import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ORDER_CHANNELS, type OrderChannel } from '@opm/contracts';
import { NestedObject, NestedObjects } from '@opm/platform';

const MONEY = /^\d{1,15}(\.\d{1,2})?$/;
const DATE_ONLY = { strict: true, strictSeparator: true } as const;

export class OrderLineDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'P-100', description: 'catalog product; omit for a free-text line' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  productCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Custom bracket', description: 'required when there is no productCode' })
  // Required without a productCode; with one it may be left out or null, but when given it is still text.
  @ValidateIf((line: OrderLineDto) => line.productCode == null || line.productName != null)
  @IsString()
  @IsNotEmpty({ message: 'productName is required when productCode is absent' })
  @MaxLength(200)
  productName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '304 steel, 2 mm' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  specification?: string | null;

  @ApiProperty({ example: 100, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  quantity!: number;

  @ApiProperty({ example: '12.50', description: 'decimal string, at most 2 decimals' })
  @IsString()
  @Matches(MONEY, { message: 'unitPrice must be a decimal amount such as "12.50"' })
  unitPrice!: string;
}

export class SpecialRequirementsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'logo engraving' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  customization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'export crate' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  packaging?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'sea freight' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  transportMode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  other?: string | null;
}

/** POST /orders (API.md): structure is checked here; what the policy needs is checked by the preliminary review. */
export class CreateOrderDto {
  @ApiProperty({ enum: ORDER_CHANNELS, example: 'PHONE' })
  @IsIn(ORDER_CHANNELS)
  channel!: OrderChannel;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  leadId?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Li Wei' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactPerson?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+86 21 5555 0101' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactPhone?: string | null;

  @ApiProperty({ example: '2026-11-26', format: 'date' })
  @IsISO8601(DATE_ONLY)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'orderDate must be a date (YYYY-MM-DD)' })
  orderDate!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-03-01', format: 'date' })
  @IsOptional()
  @IsISO8601(DATE_ONLY)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deliveryDate must be a date (YYYY-MM-DD)' })
  deliveryDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pudong warehouse 3, Shanghai' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  deliveryPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '30 days net' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  paymentTerms?: string | null;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;

  @ApiProperty({ type: [OrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @NestedObjects(() => OrderLineDto)
  lines!: OrderLineDto[];

  @ApiPropertyOptional({ description: 'flagged complex: reviewed by a panel chaired by a leader whatever the amount (R3.1)' })
  @IsOptional()
  @IsBoolean()
  complex?: boolean;

  @ApiPropertyOptional({ type: SpecialRequirementsDto })
  @IsOptional()
  @NestedObject(() => SpecialRequirementsDto)
  specialRequirements?: SpecialRequirementsDto | null;
}

/** Example bodies of POST /orders for the API document (API.md "Shapes"). */
export const CREATE_ORDER_EXAMPLES = {
  complete: {
    summary: 'a complete order: a catalog line and a free-text line',
    value: {
      channel: 'PHONE',
      leadId: null,
      customerId: '0b7f9c1e-5d2a-4c3b-9a1e-000000000001',
      contactPerson: 'Li Wei',
      contactPhone: '+86 21 5555 0101',
      orderDate: '2026-11-26',
      deliveryDate: '2027-03-01',
      deliveryPlace: 'Pudong warehouse 3, Shanghai',
      paymentTerms: '30 days net',
      currency: 'CNY',
      lines: [
        { productCode: 'P-100', quantity: 100, unitPrice: '12.50' },
        { productName: 'Custom bracket', specification: '304 steel, 2 mm', quantity: 40, unitPrice: '7.10' },
      ],
      specialRequirements: { customization: 'logo engraving', packaging: 'export crate', transportMode: 'sea freight', other: null },
    },
  },
  incomplete: {
    summary: 'recorded, then AWAITING_INFO: preliminaryReview.missing names what the customer still has to supply',
    value: {
      channel: 'EMAIL',
      customerId: '0b7f9c1e-5d2a-4c3b-9a1e-000000000001',
      orderDate: '2026-11-26',
      currency: 'CNY',
      lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    },
  },
};
