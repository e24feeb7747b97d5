import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** PUT /work-centres/{code}/rates: the centre's hourly rates as decimal strings, never numbers (N3). */
export class SetWorkCentreRatesDto {
  @ApiProperty({ example: '42.50', description: 'labour cost of an hour, decimal string, at most 2 decimals, not negative' })
  @IsString({ message: 'labourRatePerHour must be a decimal string such as "42.50"' })
  @Matches(MONEY, { message: 'labourRatePerHour must be a decimal amount such as "42.50" (at most 2 decimals, not negative)' })
  labourRatePerHour!: string;

  @ApiProperty({ example: '18.00', description: 'overhead charged per hour, decimal string, at most 2 decimals, not negative' })
  @IsString({ message: 'overheadRatePerHour must be a decimal string such as "18.00"' })
  @Matches(MONEY, { message: 'overheadRatePerHour must be a decimal amount such as "18.00" (at most 2 decimals, not negative)' })
  overheadRatePerHour!: string;

  @ApiProperty({ example: 'CNY' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;

  @ApiPropertyOptional({ example: '2027 wage agreement', description: 'why the rates change; kept in the audit trail' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}
