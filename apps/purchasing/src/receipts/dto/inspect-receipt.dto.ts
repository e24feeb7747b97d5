import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { RECEIPT_DISPOSITIONS, RECEIPT_INSPECTION_RESULTS, type ReceiptDisposition, type ReceiptInspectionResult } from '@opm/contracts';

/** POST /purchasing/receipts/{id}/inspection: quality's incoming inspection (R5.2, R5.3). */
export class InspectReceiptDto {
  @ApiProperty({ enum: RECEIPT_INSPECTION_RESULTS, example: 'REJECTED' })
  @IsIn(RECEIPT_INSPECTION_RESULTS)
  result!: ReceiptInspectionResult;

  @ApiPropertyOptional({ enum: RECEIPT_DISPOSITIONS, nullable: true, description: 'required when REJECTED: the supplier takes the goods back or exchanges them' })
  @ValidateIf((o: InspectReceiptDto) => o.result === 'REJECTED' || (o.disposition !== undefined && o.disposition !== null))
  @IsIn(RECEIPT_DISPOSITIONS, { message: `disposition must be one of ${RECEIPT_DISPOSITIONS.join(', ')} (required for rejected goods)` })
  disposition?: ReceiptDisposition | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'mill certificate shows S235, contract says Q235B' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}
