import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /orders/{id}/approvals/{step}/decision (R4.1). */
export class ApprovalDecisionDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] })
  @IsIn(['APPROVE', 'REJECT'])
  decision!: 'APPROVE' | 'REJECT';

  @ApiProperty({ example: 'margin and delivery agreed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment!: string;
}
