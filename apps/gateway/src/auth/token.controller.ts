import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '@opm/contracts';
import { ApiAnswers, apiView, ProblemException, Public, type ViewOf } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { LoginThrottle } from './login-throttle';
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

/** What `POST /api/v1/auth/token` answers: the token and whom it names. */
export const AccessTokenView = apiView(
  'AccessToken',
  z.object({
    accessToken: z.string().describe('a signed JWT (HS256); send it as `Authorization: Bearer <accessToken>`'),
    expiresIn: z.number().int().positive().describe('seconds until the token expires (JWT_TTL_SECONDS)'),
    user: z.object({ username: z.string(), department: z.enum(DEPARTMENTS), role: z.enum(ROLES) }),
  }),
);
export type TokenResponse = ViewOf<typeof AccessTokenView>;

/** `POST /api/v1/auth/token`: a short-lived signed token for a user of the built-in store (N4). */
@ApiTags('auth')
@Controller('api/v1/auth')
export class TokenController {
  private readonly secret: Uint8Array;

  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UserStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.secret = new TextEncoder().encode(config.JWT_SECRET);
    this.throttle = new LoginThrottle({
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      windowMs: config.LOGIN_FAILURE_WINDOW_SECONDS * 1000,
    });
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A short-lived bearer token for a user of the built-in store (N4)' })
  // Here 401 means the credentials, not a missing token (it overrides what ApiAnswers says of 401).
  @ApiResponse({
    status: 401,
    description: 'unknown user or wrong password',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  @ApiResponse({
    status: 429,
    description: 'too many failed logins for this account or from this client; Retry-After says when to try again',
    headers: { 'Retry-After': { description: 'seconds until a login is taken again', schema: { type: 'integer' } } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  @ApiAnswers(AccessTokenView, { errors: [400], description: 'the token, its lifetime and the user it names' })
  async token(@Body() body: TokenRequestDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponse> {
    const client = req.ip;
    const verdict = this.throttle.check(body.username, client, Date.now());
    if (!verdict.allowed) {
      void reply.header('retry-after', String(verdict.retryAfterSeconds));
      const who = verdict.reason === 'account' ? `for ${body.username}` : 'from this client';
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, `too many failed logins ${who}; try again in ${verdict.retryAfterSeconds} s`, {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) {
      this.throttle.failed(body.username, client, Date.now());
      throw new UnauthorizedException({ detail: 'unknown user or wrong password' });
    }
    this.throttle.succeeded(body.username);
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
