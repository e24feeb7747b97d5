import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@opm/platform';

export class ListRequirementsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "only this order's requirements" })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
