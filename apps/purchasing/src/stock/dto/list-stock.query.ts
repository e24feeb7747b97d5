import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@opm/platform';

export class ListStockQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'STEEL-PLATE-10', description: 'only this material' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  material?: string;
}
