import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PROBLEM_SEVERITIES, PRODUCTION_PROBLEM_KINDS, type ProblemSeverity, type ProductionProblemKind } from '@opm/contracts';
import { PageQuery } from '@opm/platform';

export class ListPlansQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "the order's plan only" })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}

export class ProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 40, description: 'how far the task is; 100 makes it DONE' })
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent!: number;

  @ApiPropertyOptional({ type: String, example: 'first 40 flanges turned', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0.01,
    maximum: 10000,
    example: 7.5,
    description: "hours worked on the task since the last report, up to 2 decimals: costed at the work centre's labour and overhead rates (R5.6)",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'hoursWorked must be a number of hours with at most 2 decimals' })
  @Min(0.01, { message: 'hoursWorked must be positive (at least 0.01)' })
  @Max(10000)
  hoursWorked?: number;
}

export class RaiseProblemDto {
  @ApiProperty({ enum: PRODUCTION_PROBLEM_KINDS, example: 'EQUIPMENT_FAILURE' })
  @IsIn(PRODUCTION_PROBLEM_KINDS)
  kind!: ProductionProblemKind;

  @ApiProperty({ enum: PROBLEM_SEVERITIES, example: 'MAJOR' })
  @IsIn(PROBLEM_SEVERITIES)
  severity!: ProblemSeverity;

  @ApiProperty({ example: 'spindle bearing of the CNC lathe failed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class ResolveProblemDto {
  @ApiProperty({ example: 'bearing replaced, machine re-qualified' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;
}

export class CompletePlanDto {
  @ApiProperty({ minimum: 0, example: 100, description: 'more than ordered needs a reason' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  quantityProduced!: number;

  @ApiPropertyOptional({ type: String, example: 'two spare flanges agreed with the customer', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

export class StopPlanDto {
  @ApiProperty({ example: 'order cancelled by the customer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
