import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NestedObject, NestedObjects } from '@opm/platform';

const DATE_ONLY = { strict: true, strictSeparator: true } as const;
/** A positive money amount, decimal string with at most 2 decimals (N3: never a float). */
const POSITIVE_MONEY = /^(?=.*[1-9])\d{1,13}(\.\d{1,2})?$/;
/** A positive material quantity with at most 3 decimals, as purchasing stores it (numeric(18,3)). */
const POSITIVE_QUANTITY = /^(?=.*[1-9])\d{1,15}(\.\d{1,3})?$/;
/** A number is accepted for a quantity (50, 12.5) and kept as its decimal text; money only as text. */
const quantityText = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);

export class QuantityLineDto {
  @ApiProperty({ example: 'STEEL-PLATE-10' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  materialCode!: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '80', description: 'positive, at most 3 decimals, in the stock unit' })
  @Transform(quantityText)
  @IsString({ message: 'quantity must be a positive decimal quantity with at most 3 decimals' })
  @Matches(POSITIVE_QUANTITY, { message: 'quantity must be a positive decimal quantity with at most 3 decimals' })
  quantity!: string;
}

export class ContractLineDto extends QuantityLineDto {
  @ApiProperty({ example: '6.20', description: 'price per stock unit: positive decimal string, at most 2 decimals' })
  @IsString({ message: 'unitPrice must be a decimal amount such as "6.20"' })
  @Matches(POSITIVE_MONEY, { message: 'unitPrice must be a positive decimal amount such as "6.20"' })
  unitPrice!: string;
}

export class CancellationTermsDto {
  @ApiProperty({ example: '15', description: 'fee on goods kept after a cancellation: percent from 0 to 100, at most 2 decimals' })
  @Transform(quantityText)
  @IsString({ message: 'restockingFeePercent must be a percent from 0 to 100' })
  @Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { message: 'restockingFeePercent must be a percent from 0 to 100 with at most 2 decimals' })
  restockingFeePercent!: string;
}

/** POST /purchasing/contracts (R5.2). */
export class CreateContractDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ example: 'SUP-BAOSTEEL', description: "a supplier's code" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  supplierId!: string;

  @ApiProperty({ type: [ContractLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedObjects(() => ContractLineDto)
  lines!: ContractLineDto[];

  @ApiProperty({ example: '2027-01-20', format: 'date' })
  @IsISO8601(DATE_ONLY)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deliveryDate must be a date (YYYY-MM-DD)' })
  deliveryDate!: string;

  @ApiPropertyOptional({ type: CancellationTermsDto })
  @IsOptional()
  @NestedObject(() => CancellationTermsDto)
  cancellationTerms?: CancellationTermsDto;
}

/** POST /purchasing/contracts/{id}/delays: the supplier will deliver later (R5.2). */
export class ContractDelayDto {
  @ApiProperty({ example: '2027-02-05', format: 'date' })
  @IsISO8601(DATE_ONLY)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'newDeliveryDate must be a date (YYYY-MM-DD)' })
  newDeliveryDate!: string;

  @ApiProperty({ example: 'rolling mill maintenance at the supplier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** POST /purchasing/contracts/{id}/receipts: goods arrived, to be inspected (R5.2). */
export class RecordReceiptDto {
  @ApiProperty({ type: [QuantityLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedObjects(() => QuantityLineDto)
  lines!: QuantityLineDto[];
}

