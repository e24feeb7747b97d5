import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Pages beyond this are refused: 1,000,000 pages of 200 is further than any list goes, and the offset stays exact. */
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 200;

/**
 * A query-string integer: digits only (`1e20`, `1.5`, `0x10`, ` 7` and a repeated parameter stay text and are
 * refused by `@IsInt` with a 400 naming the field); numbers too long to be exact stay text as well.
 */
export function integerWord(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[0-9]{1,15}$/.test(value)) return value;
  return Number(value);
}

const toInteger = ({ value }: { value: unknown }): unknown => integerWord(value);

/** `?page=&pageSize=` (API.md "Lists": at most 200 a page); list queries extend it with their filters. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = 50;
}

/** `{items, total, page, pageSize}` (API.md "Lists"). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Query strings are text: only the words true and false become booleans, anything else is refused by name. */
export const booleanWord = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
