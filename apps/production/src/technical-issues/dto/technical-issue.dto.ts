import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@opm/platform';

export class RaiseTechnicalIssueDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c7a21', description: 'an order production has received' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ example: 'May line 2 use 316L instead of 304 for the flange face?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  question!: string;
}

export class AnswerTechnicalIssueDto {
  @ApiProperty({ example: 'Yes: 316L meets the drawing; note the substitution on the inspection certificate.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  answer!: string;
}

export class ListTechnicalIssuesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: ['OPEN', 'ANSWERED'] })
  @IsOptional()
  @IsIn(['OPEN', 'ANSWERED'])
  status?: 'OPEN' | 'ANSWERED';
}
