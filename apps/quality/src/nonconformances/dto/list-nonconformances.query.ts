import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NONCONFORMANCE_STATUSES, type NonconformanceStatus } from '@opm/contracts';
import { PageQuery } from '@opm/platform';

export class ListNonconformancesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: NONCONFORMANCE_STATUSES })
  @IsOptional()
  @IsIn(NONCONFORMANCE_STATUSES)
  status?: NonconformanceStatus;
}
