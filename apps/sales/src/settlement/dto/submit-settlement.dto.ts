import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** POST /orders/{id}/settlement/submit: the customer's reconciliation of the delivered quantities (R7.1). */
export class SubmitSettlementDto {
  @ApiProperty({ example: 'Wang Fang, purchasing, Shanghai Precision Parts', description: "who agreed the quantities on the customer's side" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agreedBy!: string;

  @ApiProperty({ example: '2027-03-02T09:00:00+08:00', format: 'date-time' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'agreedAt must be a date-time with its offset' })
  agreedAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'quantities agreed by e-mail of 2 March' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}
