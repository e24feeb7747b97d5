import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@opm/platform';
import type { LeadStatus } from '../lead.entity';

export class ListLeadsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['NEW', 'CONVERTED'] })
  @IsOptional()
  @IsIn(['NEW', 'CONVERTED'])
  status?: LeadStatus;
}
