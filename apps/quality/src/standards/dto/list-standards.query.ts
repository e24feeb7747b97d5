import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@opm/platform';

/** `?productCode=&page=&pageSize=`. */
export class ListStandardsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'P-100', description: 'only this product' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  productCode?: string;
}
