import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateOrderDto } from '../../../lifecycle/dto/create-order.dto';
import { LEAD_SOURCES, type LeadSource } from '../lead.entity';

/** POST /leads (R2.1): marketing records a lead from a campaign, the web, a trade show or a partner. */
export class CreateLeadDto {
  @ApiProperty({ enum: LEAD_SOURCES })
  @IsIn(LEAD_SOURCES)
  source!: LeadSource;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hannover Messe 2026' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  campaign?: string | null;

  @ApiProperty({ example: 'Wuxi Pump Works' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  companyName!: string;

  @ApiProperty({ example: 'Sun Min' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactPerson!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+86 510 5555 0404' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiProperty({ example: '500 flanges DN100 per quarter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  interest!: string;
}

/** POST /leads/{id}/convert: the order sales records from the lead; channel and lead are taken from it. */
export class ConvertLeadDto extends OmitType(CreateOrderDto, ['channel', 'leadId'] as const) {}
