import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PurchasingPageQuery } from '../../common/page.query';

export class ListStockQuery extends PurchasingPageQuery {
  @ApiPropertyOptional({ example: 'STEEL-PLATE-10', description: 'only this material' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  material?: string;
}
