import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const CONFIRMATION_CHANNELS = ['PHONE', 'EMAIL', 'FAX', 'VISIT', 'OTHER'] as const;

/** POST /orders/{id}/customer-confirmation (R4.4). */
export class CustomerConfirmationDto {
  @ApiProperty({ example: 'Li Wei', description: "the customer's person who confirmed" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  confirmedBy!: string;

  @ApiProperty({ enum: CONFIRMATION_CHANNELS })
  @IsIn(CONFIRMATION_CHANNELS)
  channel!: (typeof CONFIRMATION_CHANNELS)[number];

  @ApiProperty({ example: '2026-11-27T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  confirmedAt!: string;

  @ApiProperty({ example: '2027-03-01', description: 'the delivery date told to the customer' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedDeliveryDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  expectedDeliveryDate!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'customer asks for a call before dispatch' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({ description: 'e-mail the printable order to the customer (SMTP must be configured)' })
  @IsOptional()
  @IsBoolean()
  sendEmail?: boolean;

  @ApiPropertyOptional({ description: "where to send it; default the customer's e-mail" })
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class VerifyDocumentDto {
  @ApiProperty({ description: 'the verification code printed on the document', example: 'b8df2f45a1c0e9d3f4b6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f808953' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'verificationCode must be the 64 hex digits printed on the document' })
  verificationCode!: string;
}
