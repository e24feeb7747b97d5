import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { NestedObject, NestedObjects } from '@opm/platform';
import { OrderLineDto } from '../../lifecycle/dto/create-order.dto';

export class LineChangeDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  lineNo!: number;

  @ApiPropertyOptional({ example: 12, description: 'the new quantity' })
  @IsOptional()
  @IsInt()
  @Min(1)
  quantity?: number;

  @ApiPropertyOptional({ example: 'M12 x 60, stainless A4' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  specification?: string;
}

export class RequestedChangesDto {
  @ApiPropertyOptional({ example: '2027-04-30', description: 'the new delivery date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deliveryDate?: string;

  @ApiPropertyOptional({ example: 'Shenzhen warehouse 2' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  deliveryPlace?: string;

  @ApiPropertyOptional({ type: [LineChangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @NestedObjects(() => LineChangeDto)
  lines?: LineChangeDto[];

  @ApiPropertyOptional({ type: [OrderLineDto], description: 'lines added to the order, numbered after its last line' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @NestedObjects(() => OrderLineDto)
  addLines?: OrderLineDto[];
}

/** POST /orders/{id}/change-requests (R8.1). */
export class CreateChangeRequestDto {
  @ApiProperty({ example: 'the customer needs two more units, a week later' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: RequestedChangesDto })
  @NestedObject(() => RequestedChangesDto)
  changes!: RequestedChangesDto;
}

/** POST /orders/{id}/cancellation-requests (R8.4). */
export class CreateCancellationRequestDto {
  @ApiProperty({ example: 'the customer withdrew the project' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** POST /orders/{id}/change-requests/{cid}/impact/{department} (R8.2): a person of that department. */
export class ImpactAnswerDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'] })
  @IsIn(['PASS', 'FAIL'])
  conclusion!: 'PASS' | 'FAIL';

  @ApiProperty({ example: '2 tasks rescheduled; ends 2027-04-22, within the new date' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  impact!: string;

  @ApiProperty({ example: 'feasible on the current capacity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion!: string;
}
