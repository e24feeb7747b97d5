import { z } from 'zod';
import { SERVICES, ServiceName } from '@opm/contracts';
import { ConfigError, DEFAULT_PORTS, loadBaseConfig } from '@opm/platform';

const upstreamUrls = Object.fromEntries(
  SERVICES.map((s) => [`${s.toUpperCase()}_URL`, z.url().default(`http://127.0.0.1:${DEFAULT_PORTS[s]}`)]),
) as Record<`${Uppercase<ServiceName>}_URL`, z.ZodDefault<z.ZodURL>>;

/** The gateway's settings; its port is GATEWAY_PORT (API.md), each upstream service's base URL `<SERVICE>_URL`. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadBaseConfig(
    'gateway',
    {
      ...upstreamUrls,
      /** A forwarded call that takes longer is answered 504. */
      UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
      /** A department part of the combined view that takes longer is marked unavailable. */
      PART_TIMEOUT_MS: z.coerce.number().int().min(50).default(2000),
      DEMO_PASSWORD: z.string().min(8).optional(),
      RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
      /** Failed logins of one account within LOGIN_FAILURE_WINDOW_SECONDS before it is refused 429 until the window passes. */
      LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
      /** Failed logins from one client (IP address), whatever the account, before that client is refused 429. */
      LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(20),
      LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
      /** Origins allowed to call the API from a browser, comma-separated; none by default. */
      CORS_ORIGINS: z
        .string()
        .default('')
        .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
    },
    { ...env, PORT: env.GATEWAY_PORT ?? env.PORT },
  );
  if (config.DEMO_DATA && !config.DEMO_PASSWORD) {
    throw new ConfigError('invalid configuration:\n  DEMO_PASSWORD: required (at least 8 characters) when DEMO_DATA is on');
  }
  // A Map, not an object: a name that came from a request can never reach a prototype member (issue 11).
  const upstreams: ReadonlyMap<ServiceName, string> = new Map(SERVICES.map((s) => [s, config[`${s.toUpperCase()}_URL` as keyof typeof config] as string]));
  return { ...config, upstreams };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
