import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { booleanWord, PageQuery } from '@opm/platform';

export class ListProductsQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'only active (true) or inactive (false) products' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
