import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { NestedObjects } from '@opm/platform';

export class ShipmentLineDto {
  @ApiProperty({ example: 1, minimum: 1, description: "the order line's number" })
  @IsInt()
  @Min(1)
  lineNo!: number;

  @ApiProperty({ example: 60, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  quantity!: number;
}

/** PATCH /logistics/shipments/{id}: what may change before the shipment leaves. */
export class ChangeShipmentDto {
  @ApiPropertyOptional({ example: 'COSCO Shipping' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  carrier?: string;

  @ApiPropertyOptional({ example: '2027-02-15', format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'plannedDate must be a date (YYYY-MM-DD)' })
  plannedDate?: string;

  @ApiPropertyOptional({ example: 'air freight', description: "instead of the order's special requirements (R2.3)" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  transportMode?: string;

  @ApiPropertyOptional({ example: 'export crate', description: "instead of the order's special requirements (R2.3)" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  packaging?: string;
}

/** POST /logistics/shipments (R5.5): a shipment of an order READY_TO_SHIP (or already partly SHIPPED). */
export class PlanShipmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ type: [ShipmentLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @NestedObjects(() => ShipmentLineDto)
  lines!: ShipmentLineDto[];

  @ApiProperty({ example: 'COSCO Shipping' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  carrier!: string;

  @ApiProperty({ example: '2027-02-15', format: 'date' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'plannedDate must be a date (YYYY-MM-DD)' })
  plannedDate!: string;

  @ApiPropertyOptional({ example: 'sea freight', description: "default: the order's special requirements (R2.3); required when they name none" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  transportMode?: string;

  @ApiPropertyOptional({ example: 'export crate', description: "default: the order's special requirements (R2.3); required when they name none" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  packaging?: string;
}

/** POST /logistics/shipments/{id}/dispatch. */
export class DispatchShipmentDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'COSU6182736450' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  trackingNumber?: string | null;
}

/** POST /logistics/shipments/{id}/delivery: the proof of delivery (R5.5). */
export class DeliveryDto {
  @ApiProperty({ example: 'Li Wei, goods-in, Pudong warehouse 3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  receivedBy!: string;

  @ApiProperty({ example: '2027-03-01T10:30:00+08:00', format: 'date-time' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'receivedAt must be a date-time with its offset' })
  receivedAt!: string;

  @ApiPropertyOptional({ type: [ShipmentLineDto], description: "the quantities received; default: the shipment's lines" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @NestedObjects(() => ShipmentLineDto)
  lines?: ShipmentLineDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'two crates with scuffed corners, contents fine' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}
