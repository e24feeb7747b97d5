import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { APPROVAL_STEPS, type ApprovalStep } from '@opm/contracts';

/** POST /approvals/delegations: the caller, an approver of `step`, delegates it to an existing user of their own department. */
export class CreateDelegationDto {
  @ApiProperty({ enum: APPROVAL_STEPS })
  @IsIn(APPROVAL_STEPS)
  step!: ApprovalStep;

  @ApiProperty({ example: 'finance.staff', description: "username of the colleague: an existing user of the approver's department" })
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
