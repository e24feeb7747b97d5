import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { booleanWord, PageQuery } from '@opm/platform';

export class ListSuppliersQuery extends PageQuery {
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
