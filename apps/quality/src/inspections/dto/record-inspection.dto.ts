import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { INSPECTION_RESULTS, INSPECTION_STAGES, type InspectionResult, type InspectionStage } from '@opm/contracts';

/** POST /quality/inspections (R5.3): one inspected lot of an issued order. */
export class RecordInspectionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ enum: INSPECTION_STAGES, example: 'FINAL' })
  @IsIn(INSPECTION_STAGES)
  stage!: InspectionStage;

  @ApiProperty({ example: 'LOT-2026-12-02-A', description: 'the lot or batch inspected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lot!: string;

  @ApiProperty({ example: 100, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  quantityInspected!: number;

  @ApiProperty({ enum: INSPECTION_RESULTS, example: 'PASS' })
  @IsIn(INSPECTION_RESULTS)
  result!: InspectionResult;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'all dimensions within ISO 2768-m',
    description: 'what was found; required for a failed lot (it becomes the nonconformance description)',
  })
  @ValidateIf((o: RecordInspectionDto) => o.result === 'FAIL' || (o.findings !== undefined && o.findings !== null))
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  findings?: string | null;
}
