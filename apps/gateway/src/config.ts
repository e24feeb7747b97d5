import { z } from 'zod';
import { SERVICES, ServiceName } from '@opm/contracts';
import { DEFAULT_PORTS, loadBaseConfig } from '@opm/platform';

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
    },
    { ...env, PORT: env.GATEWAY_PORT ?? env.PORT },
  );
  const upstreams = Object.fromEntries(SERVICES.map((s) => [s, config[`${s.toUpperCase()}_URL` as keyof typeof config] as string])) as Record<
    ServiceName,
    string
  >;
  return { ...config, upstreams };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
