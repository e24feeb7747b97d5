import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { INVOICE_STATUSES, type InvoiceStatus, PAYMENT_METHODS, type PaymentMethod, SETTLEMENT_DECISIONS, type SettlementDecision } from '@opm/contracts';
import { PageQuery } from '@opm/platform';

const DATE_TIME = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** POST /finance/settlements/{orderId}/review (R7.2): the finance head approves (issuing the invoice) or rejects with a comment. */
export class ReviewSettlementDto {
  @ApiProperty({ enum: SETTLEMENT_DECISIONS })
  @IsIn(SETTLEMENT_DECISIONS)
  decision!: SettlementDecision;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'quantities match the proofs of delivery', description: 'required to reject: sales sees it on the list' })
  @ValidateIf((o: ReviewSettlementDto) => o.decision === 'REJECT' || (o.comment !== undefined && o.comment !== null))
  @IsString()
  @IsNotEmpty({ message: 'comment is required to reject a settlement list' })
  @MaxLength(4000)
  comment?: string | null;

  @ApiPropertyOptional({
    example: '2027-04-30',
    format: 'date',
    description: "the invoice's due date when finance sets it: required when the order's payment terms cannot be read, and wins over them when given",
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string;
}

/** POST /finance/invoices/{id}/payments (R7.2). */
export class RecordPaymentDto {
  @ApiProperty({ example: '500.00', description: 'decimal string, at most 2 decimals, more than 0 and not more than outstanding' })
  @IsString({ message: 'amount must be a decimal string such as "500.00"' })
  @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: 'amount must be a decimal amount such as "500.00" (at most 2 decimals, not negative)' })
  amount!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: '2027-04-01T10:00:00+08:00', format: 'date-time' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_TIME, { message: 'paidAt must be a date-time with its offset' })
  paidAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ICBC 6222-0210-0098-7654 / TT20270401-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}

export class ListInvoicesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;
}
