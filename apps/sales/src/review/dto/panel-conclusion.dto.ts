import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /orders/{id}/review/panel/conclusion: the chair's sign-off of a major order's report (R3.1). */
export class PanelConclusionDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'] })
  @IsIn(['PASS', 'FAIL'])
  conclusion!: 'PASS' | 'FAIL';

  @ApiProperty({ example: 'Panel agrees; purchasing to order solenoids this week.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  comment!: string;
}
