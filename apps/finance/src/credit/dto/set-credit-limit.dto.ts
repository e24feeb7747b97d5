import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** PUT /customers/{id}/credit (API.md): the limit as a decimal string, never a number (N3). */
export class SetCreditLimitDto {
  @ApiProperty({ example: '50000.00', description: 'decimal string, at most 2 decimals, not negative' })
  @IsString({ message: 'creditLimit must be a decimal string such as "50000.00"' })
  @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: 'creditLimit must be a decimal amount such as "50000.00" (at most 2 decimals, not negative)' })
  creditLimit!: string;

  @ApiProperty({ example: 'CNY' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;

  @ApiPropertyOptional({ example: 'annual review 2026', description: 'why the limit changes; kept in the audit trail' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}
