import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NONCONFORMANCE_DISPOSITIONS, type NonconformanceDisposition } from '@opm/contracts';

/** POST /quality/nonconformances/{id}/disposition (R5.3): the quality head's decision on a nonconforming lot. */
export class DispositionDto {
  @ApiProperty({ enum: NONCONFORMANCE_DISPOSITIONS, example: 'REWORK' })
  @IsIn(NONCONFORMANCE_DISPOSITIONS)
  disposition!: NonconformanceDisposition;

  @ApiProperty({ example: 're-drill on the machining centre, then re-inspect 100%' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
