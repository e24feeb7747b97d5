import { SetMetadata } from '@nestjs/common';
import type { AccessRule } from './principal';

export const ACCESS_RULES = 'opm:accessRules';

/**
 * Who may call this endpoint (R1.2), e.g. `@Allow('SALES')`, `@Allow('SALES:HEAD', '*:LEADER')`.
 * Without it, any authenticated user may; `@Public()` opens a route to everyone.
 */
export const Allow = (...rules: AccessRule[]) => SetMetadata(ACCESS_RULES, rules);
