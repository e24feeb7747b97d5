import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /customers (API.md): `{name, contactPerson, phone, email?, address?}`. */
export class CreateCustomerDto {
  @ApiProperty({ example: 'Shanghai Precision Machinery Co.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Li Wei' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactPerson!: string;

  @ApiProperty({ example: '+86 21 5555 0101' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'li.wei@spm.example' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pudong, Shanghai' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
