import { SetMetadata } from '@nestjs/common';
import type { AccessRule } from './principal';

export const ACCESS_RULES = 'opm:accessRules';

/**
 * Who may call this endpoint (R1.2), e.g. `@Allow('SALES')`, `@Allow('SALES:HEAD', '*:LEADER')`.
 * Without it, any authenticated user may; `@Public()` opens a route to everyone.
 */
export const Allow = (...rules: AccessRule[]) => SetMetadata(ACCESS_RULES, rules);

export const QUERY_TOKEN = 'opm:queryToken';

/**
 * This endpoint also takes its bearer token as `?access_token=` (for EventSource, which cannot set headers), and only
 * this one: elsewhere the query parameter is refused, so tokens do not end up in links and logs by habit. With a
 * pattern (the gateway's one proxy handler), only request paths matching it do. Logs mask the parameter.
 */
export const AcceptQueryToken = (pathPattern?: RegExp) => SetMetadata(QUERY_TOKEN, pathPattern ?? true);
