import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../health/public.decorator';
import { requestContext } from '../observability/request-context';
import { ACCESS_RULES, QUERY_TOKEN } from './allow.decorator';
import { AccessRule, describeRules, isAllowed, Principal } from './principal';
import { InvalidToken, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** 401 without a valid identity, 403 naming what is required (N4, R1.2); the actor then travels with the work. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka consumers: the event carries its actor
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const queryToken = (req.query as Record<string, unknown> | undefined)?.access_token;
    const acceptsQueryToken = queryTokenAccepted(this.reflector.getAllAndOverride<RegExp | true | undefined>(QUERY_TOKEN, targets), req.url);
    if (queryToken !== undefined && !acceptsQueryToken) {
      throw new UnauthorizedException({ detail: 'access_token in the query is accepted only by the event stream; send Authorization: Bearer <token>' });
    }
    const fromHeader = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    const token = fromHeader ?? (typeof queryToken === 'string' && queryToken.length > 0 ? queryToken : undefined);
    if (!token) throw new UnauthorizedException({ detail: 'a bearer token is required (Authorization: Bearer <token>)' });
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidToken) throw new UnauthorizedException({ detail: `invalid token: ${err.message}` });
      throw err;
    }
    req.principal = principal;
    const ctx = requestContext.get();
    if (ctx) ctx.actor = principal;
    const rules = this.reflector.getAllAndOverride<AccessRule[]>(ACCESS_RULES, targets) ?? [];
    if (!isAllowed(principal, rules)) {
      throw new ForbiddenException({
        detail: `requires ${describeRules(rules)}; you are ${principal.department} ${principal.role}`,
        required: rules,
      });
    }
    return true;
  }
}

/** Whether this request may carry its token as `?access_token=`: the handler says so, for every path or those matching its pattern. */
export function queryTokenAccepted(rule: RegExp | true | undefined, url: string): boolean {
  if (rule === undefined) return false;
  if (rule === true) return true;
  return rule.test(url.split('?')[0]);
}
