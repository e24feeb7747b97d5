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

/** Example bodies of POST /orders/{id}/escalation/decision for the API document. */
export const ESCALATION_DECISION_EXAMPLES = {
  accept: { summary: 'accept: the order goes to department review', value: { decision: 'ACCEPT', reason: 'long-standing customer; overdue amount agreed to be paid this month' } },
  reject: { summary: 'reject: the order ends REJECTED', value: { decision: 'REJECT', reason: 'credit risk too high for this amount' } },
};
