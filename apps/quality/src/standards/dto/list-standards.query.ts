import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?productCode=&page=&pageSize=` (API.md "Lists": at most 200 a page). */
export class ListStandardsQuery {
  @ApiPropertyOptional({ example: 'P-100', description: 'only this product' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  productCode?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
