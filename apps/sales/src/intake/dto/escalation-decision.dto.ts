import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /orders/{id}/escalation/decision (R2.6): management accepts or rejects, always with a reason. */
export class EscalationDecisionDto {
  @ApiProperty({ enum: ['ACCEPT', 'REJECT'] })
  @IsIn(['ACCEPT', 'REJECT'])
  decision!: 'ACCEPT' | 'REJECT';

  @ApiProperty({ example: 'long-standing customer; overdue amount agreed to be paid this month' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
