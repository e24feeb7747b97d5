import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { APPROVAL_STEPS, type ApprovalStep } from '@opm/contracts';

/** POST /approvals/delegations: the caller, an approver of `step`, delegates it to a colleague of the same role. */
export class CreateDelegationDto {
  @ApiProperty({ enum: APPROVAL_STEPS })
  @IsIn(APPROVAL_STEPS)
  step!: ApprovalStep;

  @ApiProperty({ example: 'production.head', description: 'username of the colleague' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  delegate!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  validFrom!: string;

  @ApiProperty({ example: '2026-12-15T00:00:00Z' })
  @IsISO8601({ strict: true })
  validTo!: string;

  @ApiProperty({ example: 'annual leave' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
