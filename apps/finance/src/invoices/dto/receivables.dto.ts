import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@opm/platform';

export class AgeingQuery {
  @ApiPropertyOptional({ example: '2027-06-30', format: 'date', description: 'the day the ages are counted to; default: today (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date (YYYY-MM-DD)' })
  asOf?: string;

  @ApiPropertyOptional({ example: 'CNY', description: "the invoices' currency; default CNY (amounts in different currencies are not added)" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string;
}

/** POST /finance/invoices/{id}/disputes, and the escalation's note. */
export class OpenDisputeDto {
  @ApiProperty({ example: 'the customer contests 2 flanges missing from crate 3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ example: 'credit note for 2 flanges agreed; the rest is due' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  resolution!: string;
}

/** GET /finance/settlement-records (R7.4): by customer and by the payment date, `from` and `to` inclusive. */
export class SettlementRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ example: '2027-04-01', format: 'date', description: 'paid on or after this day (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2027-04-30', format: 'date', description: 'paid on or before this day (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}
