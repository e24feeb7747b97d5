import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { booleanWord, PurchasingPageQuery } from '../../common/page.query';

export class ListSuppliersQuery extends PurchasingPageQuery {
  @ApiPropertyOptional({ example: 'SOLENOID-24V', description: 'only suppliers of this material' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  material?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
