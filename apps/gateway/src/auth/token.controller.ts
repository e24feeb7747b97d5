import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SignJWT } from 'jose';
import { Principal, Public } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { UserStore } from './user-store';

export class TokenRequestDto {
  @ApiProperty({ example: 'sales.staff' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'the DEMO_PASSWORD' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  user: Principal;
}

/** `POST /api/v1/auth/token`: a short-lived signed token for a user of the built-in store (N4). */
@ApiTags('auth')
@Controller('api/v1/auth')
export class TokenController {
  private readonly secret: Uint8Array;

  constructor(
    private readonly users: UserStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.secret = new TextEncoder().encode(config.JWT_SECRET);
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ description: '{accessToken, expiresIn, user: {username, department, role}}' })
  @ApiUnauthorizedResponse({ description: 'unknown user or wrong password' })
  async token(@Body() body: TokenRequestDto): Promise<TokenResponse> {
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) throw new UnauthorizedException({ detail: 'unknown user or wrong password' });
    const accessToken = await new SignJWT({ department: user.department, role: user.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.username)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.JWT_TTL_SECONDS}s`)
      .sign(this.secret);
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user };
  }
}
