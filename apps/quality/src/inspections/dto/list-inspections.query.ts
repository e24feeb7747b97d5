import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { INSPECTION_STAGES, type InspectionStage } from '@opm/contracts';
import { PageQuery } from '@opm/platform';

export class ListInspectionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: INSPECTION_STAGES })
  @IsOptional()
  @IsIn(INSPECTION_STAGES)
  stage?: InspectionStage;
}
