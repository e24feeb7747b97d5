import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedObjects } from '@opm/platform';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MONEY = /^\d{1,15}(\.\d{1,2})?$/;

export class ProductCapacityUseDto {
  @ApiProperty({ example: 'MACHINING', description: 'a work centre code (GET /work-centres)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  workCentre!: string;

  @ApiProperty({ example: 0.2, minimum: 0, description: 'hours of this work centre one unit needs' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(10_000)
  hoursPerUnit!: number;
}

/** The fields a product is made of (ProductSchema in the contracts), shared by create and replace. */
class ProductFieldsDto {
  @ApiProperty({ example: 'Steel flange DN100' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [String], example: ['DN100 PN16', '304 stainless'], description: 'standard specifications / models' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  specifications!: string[];

  @ApiProperty({ example: 30, minimum: 0, description: 'calendar days from order to ready-to-ship at normal load' })
  @IsInt()
  @Min(0)
  @Max(3650)
  leadTimeDays!: number;

  @ApiProperty({ type: [ProductCapacityUseDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @NestedObjects(() => ProductCapacityUseDto)
  capacityUse!: ProductCapacityUseDto[];

  @ApiPropertyOptional({ type: String, example: 'BOM-P-100', nullable: true, description: 'bill of materials in purchasing' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'bomRef must be 1 to 64 letters, digits, dots, dashes or underscores' })
  bomRef?: string | null;

  @ApiProperty({ example: '8.40', description: 'decimal string, at most 2 decimals' })
  @IsString()
  @Matches(MONEY, { message: 'standardCost must be a decimal amount such as "8.40"' })
  standardCost!: string;

  @ApiProperty({ example: 'CNY' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;
}

/** POST /products (production or technical head). */
export class CreateProductDto extends ProductFieldsDto {
  @ApiProperty({ example: 'P-500', description: '1 to 64 letters, digits, dots, dashes or underscores; never changes' })
  @IsString()
  @Matches(CODE, { message: 'code must be 1 to 64 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** PUT /products/{code}: the whole product but its code; `active` is required so a replace never reactivates by omission. */
export class ReplaceProductDto extends ProductFieldsDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  active!: boolean;
}
