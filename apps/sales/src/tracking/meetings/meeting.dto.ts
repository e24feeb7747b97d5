import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DEPARTMENTS, type Department } from '@opm/contracts';

export class CreateMeetingDto {
  @ApiProperty({ example: 'Weekly tracking meeting W49' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the orders to discuss; omitted: every tracked order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  orderIds?: string[];
}

export class MeetingActionDto {
  @ApiProperty({ enum: DEPARTMENTS })
  @IsIn(DEPARTMENTS)
  department!: Department;

  @ApiProperty({ example: 'Confirm the replacement spindle delivery date with the supplier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the order it is about; omitted: the meeting\'s only order, if it has one, else a general action' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}

export class MeetingMinutesDto {
  @ApiProperty({ example: 'Spindle failure discussed; production works a second shift from Monday.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  minutes!: string;

  @ApiProperty({ type: [MeetingActionDto], example: [{ department: 'PRODUCTION', description: 'Work a second shift until the plan is back on time', dueAt: '2027-03-05T17:00:00Z' }] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeetingActionDto)
  actions!: MeetingActionDto[];
}
