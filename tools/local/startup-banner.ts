import { DEMO_USERS } from '@opm/contracts';

export interface BannerInfo {
  setup: string;
  gatewayPort: number;
  services: { name: string; url: string }[];
  /** The DEMO_PASSWORD in effect when demo data is on; undefined when it is off. */
  demoPassword?: string;
  dataDir?: string;
  logDir?: string;
  startedInMs: number;
}

/** Demo users (API.md; the gateway seeds them when DEMO_DATA is on) and the demo master data. */
function demoLines(password: string | undefined): string[] {
  if (password === undefined) return ['  Demo data:  off (DEMO_DATA=false)'];
  return [
    `  Demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`,
    `              password ${password}  ->  POST /api/v1/auth/token {"username","password"}`,
    '  Demo data:  customers, products P-100..P-400, suppliers, work centres, quality standards',
  ];
}

/** What `npm start` prints once everything answers. */
export function startupBanner(info: BannerInfo): string {
  return [
    '',
    `Order process platform is running (${info.setup}).`,
    `  API:        http://localhost:${info.gatewayPort}/api/v1`,
    `  API docs:   http://localhost:${info.gatewayPort}/api/docs`,
    ...demoLines(info.demoPassword),
    ...info.services.map((s) => `  ${s.name.padEnd(11)} ${s.url}  (health: /health/ready)`),
    ...(info.dataDir ? [`  Data:       ${info.dataDir}`] : []),
    ...(info.logDir ? [`  Logs:       ${info.logDir}`] : []),
    `Started in ${(info.startedInMs / 1000).toFixed(1)} s. Press Ctrl-C to stop.`,
    '',
  ].join('\n');
}
