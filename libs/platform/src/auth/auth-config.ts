import { z } from 'zod';

/** Only for development and tests: production refuses to start with it (N4). */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

/** Token settings every process shares: the gateway signs with them, every service verifies again. */
export const authConfigShape = {
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  JWT_ISSUER: z.string().default('opm-gateway'),
  JWT_AUDIENCE: z.string().default('opm'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** An external OpenID Connect provider whose access tokens are accepted too (issuer + JWKS). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().optional(),
  /** Claims of the provider's token that carry the department and role (values as in API.md). */
  OIDC_DEPARTMENT_CLAIM: z.string().default('department'),
  OIDC_ROLE_CLAIM: z.string().default('role'),
  OIDC_USERNAME_CLAIM: z.string().default('preferred_username'),
  /** JSON file of the built-in users: [{username, department, role, passwordHash}]; the gateway logs them in, services look them up. */
  USERS_FILE: z.string().optional(),
};

export type AuthConfig = z.infer<z.ZodObject<typeof authConfigShape>> & { NODE_ENV: string };

/** Cross-field rules zod cannot express per field; called by the config loaders. */
export function checkAuthConfig(config: AuthConfig): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_SECRET: production mode refuses the development default; set a secret of your own');
  }
  if (Boolean(config.OIDC_ISSUER) !== Boolean(config.OIDC_JWKS_URL)) {
    problems.push('OIDC_ISSUER, OIDC_JWKS_URL: set both or neither');
  }
  return problems;
}
