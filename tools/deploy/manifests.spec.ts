import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_PORTS, loadBaseConfig, loadServiceConfig, ProcessName } from '@opm/platform';
import { validateManifest } from './test/k8s-schema';
import { K8sObject, podContainers, renderKustomization } from './test/kustomize';
import { must } from './test/must';

// Kubernetes manifests (deploy/k8s), checked offline: rendered like kustomize, validated against the API
// schemas, and held to what the apps really serve (their ports and health endpoints).

const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');
const APPS = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const hasMigrate = (app: string) => existsSync(join(ROOT, 'apps', app, 'src', 'migrate.ts'));
const portOf = (app: string) => (DEFAULT_PORTS as Record<string, number>)[app];

type Labels = Record<string, string>;
interface Probe {
  httpGet?: { path?: string; port?: number | string };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
}
interface PodSpec {
  containers: Container[];
  restartPolicy?: string;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type?: string } };
}
interface Workload extends K8sObject {
  spec: { replicas?: number; parallelism?: number; completions?: number; backoffLimit?: number; selector?: { matchLabels?: Labels }; template: { metadata: { labels: Labels }; spec: PodSpec } };
}
interface Service extends K8sObject {
  spec: { type?: string; selector: Labels; ports: { name?: string; port: number; targetPort?: number | string }[] };
}
interface NetworkPolicyPeer {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: { matchLabels?: Labels };
  ipBlock?: unknown;
}
interface NetworkPolicy extends K8sObject {
  spec: { podSelector: { matchLabels?: Labels }; policyTypes?: string[]; ingress?: { from?: NetworkPolicyPeer[]; ports?: { port?: number | string }[] }[] };
}

const DIRS = ['base', 'overlays/production', 'overlays/local'] as const;
const renders = new Map<string, K8sObject[]>();
const render = (dir: string): K8sObject[] => {
  let objects = renders.get(dir);
  if (!objects) renders.set(dir, (objects = renderKustomization(join(K8S, dir))));
  return objects;
};
const ofKind = <T extends K8sObject>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as T[];
const selects = (selector: Labels | undefined, labels: Labels) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
const imageName = (image = '') => image.replace(/@.*$/, '').replace(/:[^:/]+$/, '');

/** Resolves a probe's or Service's port (a number, or the name of a container port) to a number. */
function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** The house rules every workload (Deployment, Job) must follow; the schema cannot express them. */
function workloadProblems(w: Workload): string[] {
  const id = `${w.kind}/${w.metadata.name}`;
  const pod = w.spec.template.spec;
  const problems: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${id}: pod securityContext.runAsNonRoot must be true`);
  if (pod.securityContext?.runAsUser === 0) problems.push(`${id}: runs as uid 0`);
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${id}: seccompProfile must be RuntimeDefault`);
  for (const c of pod.containers) {
    const cid = `${id} container ${c.name}`;
    if (!c.image) problems.push(`${cid}: no image`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${cid}: readOnlyRootFilesystem must be true`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${cid}: allowPrivilegeEscalation must be false`);
    if (!c.securityContext?.capabilities?.drop?.includes('ALL')) problems.push(`${cid}: must drop ALL capabilities`);
    if (c.securityContext?.runAsUser === 0) problems.push(`${cid}: runs as uid 0`);
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) if (!c.resources?.[kind]?.[resource]) problems.push(`${cid}: no ${resource} ${kind}`);
    }
  }
  return problems;
}

const workloads = (objects: K8sObject[]) => [...ofKind<Workload>(objects, 'Deployment'), ...ofKind<Workload>(objects, 'Job')];
const deploymentOf = (objects: K8sObject[], app: string) =>
  must(ofKind<Workload>(objects, 'Deployment').find((d) => d.metadata.name === app), `Deployment ${app}`);

/** Every Secret key a workload cannot start without (non-optional secretKeyRef), as "name/key". */
function requiredSecretKeys(objects: K8sObject[]): string[] {
  const refs = workloads(objects).flatMap((w) =>
    w.spec.template.spec.containers.flatMap((c) => (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional ? [e.valueFrom.secretKeyRef] : []))),
  );
  return [...new Set(refs.map((r) => `${r.name}/${r.key}`))].sort();
}

describe('deploy/k8s', () => {
  it('N7 DEFAULT_PORTS names exactly the apps under apps/', () => {
    expect(Object.keys(DEFAULT_PORTS).sort()).toEqual(APPS);
  });

  describe.each(DIRS)('%s', (dir) => {
    it('N7 renders, and every manifest is valid against the Kubernetes schemas (unknown fields rejected)', () => {
      const objects = render(dir);
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.flatMap(validateManifest)).toEqual([]);
    });

    it('N6 N7 every app has a Deployment whose probes and ports match the app', () => {
      const objects = render(dir);
      expect(ofKind(objects, 'Deployment').map((d) => d.metadata.name).sort()).toEqual(APPS);
      for (const app of APPS) {
        const port = portOf(app);
        const containers = deploymentOf(objects, app).spec.template.spec.containers;
        expect(containers.map((c) => c.name)).toEqual([app]);
        const [c] = containers;
        expect(imageName(c.image)).toBe(`opm/${app}`);
        expect(c.ports?.map((p) => p.containerPort)).toEqual([port]);
        // The app listens where its env says; the gateway reads GATEWAY_PORT (apps/gateway/src/config.ts).
        const portVar = app === 'gateway' ? 'GATEWAY_PORT' : 'PORT';
        expect({ app, [portVar]: c.env?.find((e) => e.name === portVar)?.value }).toEqual({ app, [portVar]: String(port) });
        const probe = (p: Probe | undefined) => ({ path: p?.httpGet?.path, port: resolvePort(c, p?.httpGet?.port) });
        expect({ app, live: probe(c.livenessProbe), ready: probe(c.readinessProbe) }).toEqual({
          app,
          live: { path: '/health/live', port },
          ready: { path: '/health/ready', port },
        });
        if (c.startupProbe) expect(probe(c.startupProbe)).toEqual({ path: '/health/live', port });
      }
    });

    it('N7 every app with a database has one migration Job running its migrate.js; the gateway has none', () => {
      const jobs = ofKind<Workload>(render(dir), 'Job');
      const withDb = APPS.filter(hasMigrate);
      expect(withDb).not.toContain('gateway');
      expect(withDb.length).toBeGreaterThan(0);
      const commands = jobs.map((j) => j.spec.template.spec.containers.map((c) => [imageName(c.image), ...(c.command ?? [])]));
      expect(commands.sort()).toEqual(withDb.map((app) => [[`opm/${app}`, 'node', `dist/apps/${app}/src/migrate.js`]]).sort());
      for (const j of jobs) {
        // Once per release: one pod at a time, no endless retries.
        expect([undefined, 1]).toContain(j.spec.parallelism);
        expect([undefined, 1]).toContain(j.spec.completions);
        expect(j.spec.backoffLimit).toBeLessThanOrEqual(3);
        expect(['Never', 'OnFailure']).toContain(j.spec.template.spec.restartPolicy);
      }
    });

    it('N7 every container runs as non-root on a read-only root filesystem, with resource requests and limits', () => {
      expect(workloads(render(dir)).flatMap(workloadProblems)).toEqual([]);
    });

    it('N7 each Deployment has one ClusterIP Service that selects only its pods, and a PodDisruptionBudget', () => {
      const objects = render(dir);
      const services = ofKind<Service>(objects, 'Service');
      const jobPods = ofKind<Workload>(objects, 'Job').map((j) => j.spec.template.metadata.labels);
      for (const d of ofKind<Workload>(objects, 'Deployment')) {
        const labels = d.spec.template.metadata.labels;
        expect(selects(d.spec.selector?.matchLabels, labels)).toBe(true);
        const mine = services.filter((s) => selects(s.spec.selector, labels));
        expect(mine.map((s) => s.metadata.name)).toEqual([d.metadata.name]);
        const [svc] = mine;
        expect(svc.spec.type ?? 'ClusterIP').toBe('ClusterIP');
        const port = portOf(d.metadata.name);
        expect(svc.spec.ports.map((p) => [p.port, resolvePort(d.spec.template.spec.containers[0], p.targetPort ?? p.port)])).toEqual([[port, port]]);
        // A migration pod has no readiness probe: a Service selecting it would send it traffic.
        expect(jobPods.filter((l) => selects(svc.spec.selector, l))).toEqual([]);
        const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget' && selects((o.spec as Workload['spec']).selector?.matchLabels, labels));
        expect(pdbs).toHaveLength(1);
      }
    });

    it('N7 gateway and sales scale with an autoscaling/v2 HorizontalPodAutoscaler that owns their replica count', () => {
      const objects = render(dir);
      const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
      for (const h of hpas) {
        const spec = h.spec as { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
        expect(h.apiVersion).toBe('autoscaling/v2');
        expect(spec.scaleTargetRef.kind).toBe('Deployment');
        // A fixed spec.replicas would be reset on every apply, fighting the autoscaler.
        expect(deploymentOf(objects, spec.scaleTargetRef.name).spec.replicas).toBeUndefined();
        expect(spec.minReplicas).toBeGreaterThanOrEqual(1);
        expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
      }
      expect(hpas.map((h) => (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name)).toEqual(expect.arrayContaining(['gateway', 'sales']));
    });

    it('N7 ingress is denied by default; the gateway is reached through the Ingress, the services only from the gateway', () => {
      const objects = render(dir);
      const policies = ofKind<NetworkPolicy>(objects, 'NetworkPolicy');
      const denyAll = policies.filter((p) => Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0 && !p.spec.ingress?.length);
      expect(denyAll).toHaveLength(1);
      expect(denyAll[0].spec.policyTypes).toContain('Ingress');

      const podLabels = (app: string) => deploymentOf(objects, app).spec.template.metadata.labels;
      const allowedInto = (labels: Labels) =>
        policies.filter((p) => p.spec.ingress?.length && (Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0 || selects(p.spec.podSelector.matchLabels, labels))).flatMap((p) => p.spec.ingress ?? []);
      const gatewayLabels = podLabels('gateway');

      const gatewayRules = allowedInto(gatewayLabels);
      expect(gatewayRules.length).toBeGreaterThan(0);
      for (const rule of gatewayRules) {
        // Only the ingress controller's namespace: no open rule, no pods of this namespace.
        expect(rule.from?.length).toBeGreaterThan(0);
        for (const peer of rule.from ?? []) expect(peer).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } });
        expect(rule.ports?.map((p) => resolvePort(deploymentOf(objects, 'gateway').spec.template.spec.containers[0], p.port))).toEqual([portOf('gateway')]);
      }
      for (const app of APPS.filter((a) => a !== 'gateway')) {
        const rules = allowedInto(podLabels(app));
        expect({ app, rules: rules.length > 0 }).toEqual({ app, rules: true });
        for (const rule of rules) {
          expect(rule.from?.length).toBeGreaterThan(0);
          for (const peer of rule.from ?? []) {
            expect(peer.namespaceSelector ?? peer.ipBlock).toBeUndefined();
            expect(selects(peer.podSelector?.matchLabels, gatewayLabels)).toBe(true);
            for (const other of APPS.filter((a) => a !== 'gateway')) expect(selects(peer.podSelector?.matchLabels, podLabels(other))).toBe(false);
          }
          expect(rule.ports?.map((p) => resolvePort(deploymentOf(objects, app).spec.template.spec.containers[0], p.port))).toEqual([portOf(app)]);
        }
      }

      const ingresses = objects.filter((o) => o.kind === 'Ingress');
      expect(ingresses).toHaveLength(1);
      const spec = ingresses[0].spec as { defaultBackend?: unknown; rules: { http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[] };
      expect(spec.defaultBackend).toBeUndefined();
      const gatewayService = must(ofKind<Service>(objects, 'Service').find((s) => s.metadata.name === 'gateway'), 'Service gateway');
      for (const { backend } of spec.rules.flatMap((r) => r.http.paths)) {
        expect(backend.service.name).toBe('gateway');
        expect(gatewayService.spec.ports.some((p) => p.name === backend.service.port.name || p.port === backend.service.port.number)).toBe(true);
      }
    });

    it('N7 settings come from existing ConfigMaps; the gateway finds each service at its Service and port', () => {
      const objects = render(dir);
      const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, (o.data ?? {}) as Record<string, string>]));
      for (const w of workloads(objects)) {
        for (const c of w.spec.template.spec.containers) {
          for (const from of c.envFrom ?? []) if (from.configMapRef) expect([w.metadata.name, configMaps.has(from.configMapRef.name)]).toEqual([w.metadata.name, true]);
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.configMapKeyRef;
            if (ref) expect(configMaps.get(ref.name)?.[ref.key]).toBeDefined();
          }
        }
      }
      const gateway = deploymentOf(objects, 'gateway').spec.template.spec.containers[0];
      const gatewayEnv = Object.assign({}, ...(gateway.envFrom ?? []).map((f) => (f.configMapRef ? configMaps.get(f.configMapRef.name) : {}))) as Record<string, string>;
      const services = ofKind<Service>(objects, 'Service');
      for (const app of APPS.filter((a) => a !== 'gateway')) {
        const url = new URL(gatewayEnv[`${app.toUpperCase()}_URL`]);
        const svc = services.find((s) => s.metadata.name === url.hostname);
        expect({ app, service: svc?.metadata.name, port: Number(url.port) }).toEqual({ app, service: app, port: portOf(app) });
        expect(must(svc, `Service ${app}`).spec.ports.map((p) => p.port)).toContain(portOf(app));
      }
      for (const app of APPS.filter((a) => a !== 'gateway')) {
        const c = deploymentOf(objects, app).spec.template.spec.containers[0];
        const env = Object.assign({}, ...(c.envFrom ?? []).map((f) => (f.configMapRef ? configMaps.get(f.configMapRef.name) : {}))) as Record<string, string>;
        expect(env.KAFKA_BROKERS.split(',').every((b) => /^[^:,\s]+:\d+$/.test(b))).toBe(true);
      }
    });

    it('N7 secrets reach the pods only through Secret references, never through ConfigMaps or literals', () => {
      const objects = render(dir);
      for (const cm of objects.filter((o) => o.kind === 'ConfigMap')) {
        expect(Object.keys((cm.data ?? {}) as object).filter((k) => /SECRET|PASSWORD|DATABASE_URL|TOKEN/.test(k))).toEqual([]);
      }
      for (const w of workloads(objects)) {
        for (const c of w.spec.template.spec.containers) {
          const env = new Map((c.env ?? []).map((e) => [e.name, e]));
          const needs = ['DATABASE_URL', 'JWT_SECRET', 'DEMO_PASSWORD'].filter((k) => env.has(k));
          for (const key of needs) expect([w.metadata.name, key, env.get(key)?.valueFrom?.secretKeyRef?.key]).toEqual([w.metadata.name, key, key]);
          const app = w.metadata.name.replace(/-migrate$/, '');
          if (hasMigrate(app)) expect([w.metadata.name, needs.includes('DATABASE_URL')]).toEqual([w.metadata.name, true]);
          if (w.kind === 'Deployment') expect([w.metadata.name, needs.includes('JWT_SECRET')]).toEqual([w.metadata.name, true]);
        }
      }
    });
  });

  it('N7 no Secret is committed for production; the local overlay generates every Secret the pods need; the README lists them', () => {
    expect(render('base').filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(render('overlays/production').filter((o) => o.kind === 'Secret')).toEqual([]);
    const local = render('overlays/local');
    const generated = local
      .filter((o) => o.kind === 'Secret')
      .flatMap((s) => Object.keys((s.data ?? {}) as object).map((k) => `${s.metadata.name}/${k}`));
    const required = requiredSecretKeys(render('overlays/production'));
    expect(required).toEqual(['opm-shared/AUDIT_CHECKPOINT_KEY', 'opm-shared/JWT_SECRET', ...APPS.filter(hasMigrate).map((app) => `opm-${app}/DATABASE_URL`)].sort());
    expect(required.filter((r) => !generated.includes(r))).toEqual([]);
    const readme = readFileSync(join(ROOT, 'deploy', 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((l) => l.startsWith('| `opm-'));
    for (const r of required) {
      const [name, key] = r.split('/');
      expect({ r, documented: rows.some((l) => l.startsWith(`| \`${name}\` | \`${key}\` |`)) }).toEqual({ r, documented: true });
    }
  });

  it('N7 the overlays pin every image to a tag and put everything in their namespace', () => {
    for (const [dir, ns] of [['overlays/production', 'opm'], ['overlays/local', 'opm-local']] as const) {
      const objects = render(dir);
      for (const image of objects.flatMap(podContainers).map((c) => c.image)) expect(image).toMatch(/^opm\/[a-z]+:(?!latest$)[\w.-]+$/);
      expect(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual([ns]);
      expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== ns)).toEqual([]);
    }
  });

  it('N6 in the local overlay every container\'s environment passes its app\'s own config validation', () => {
    const objects = render('overlays/local');
    const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, (o.data ?? {}) as Record<string, string>]));
    const secrets = new Map(objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name, (o.data ?? {}) as Record<string, string>]));
    for (const w of workloads(objects)) {
      const app = w.metadata.name.replace(/-migrate$/, '') as ProcessName;
      for (const c of w.spec.template.spec.containers) {
        const env: Record<string, string> = Object.assign({}, ...(c.envFrom ?? []).map((f) => (f.configMapRef ? configMaps.get(f.configMapRef.name) : {})));
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          const encoded = ref && secrets.get(ref.name)?.[ref.key];
          if (e.value !== undefined) env[e.name] = e.value;
          else if (encoded) env[e.name] = Buffer.from(encoded, 'base64').toString('utf8');
        }
        // The gateway maps GATEWAY_PORT onto PORT (apps/gateway/src/config.ts) and has no database or Kafka.
        const config =
          app === 'gateway' ? loadBaseConfig('gateway', {}, { ...env, PORT: env.GATEWAY_PORT ?? env.PORT }) : loadServiceConfig(app, env);
        expect([w.metadata.name, config.NODE_ENV, config.PORT]).toEqual([w.metadata.name, 'production', portOf(app)]);
        if (app !== 'gateway') expect(new URL(loadServiceConfig(app, env).DATABASE_URL).pathname).toBe(`/opm_${app}`);
      }
    }
  });

  it('N7 the release\'s first step applies the migration Jobs and what they need, but no app', () => {
    // deploy/README.md "A release": step 1 selects with `notin`, which also matches objects without the label.
    const selector = "app.kubernetes.io/component notin (service,gateway)";
    expect(readFileSync(join(ROOT, 'deploy', 'README.md'), 'utf8')).toContain(`-l '${selector}'`);
    const objects = render('overlays/production');
    const step1 = objects.filter((o) => !['service', 'gateway'].includes(o.metadata.labels?.['app.kubernetes.io/component'] ?? ''));
    const kinds = (list: K8sObject[]) => [...new Set(list.map((o) => o.kind))].sort();
    expect(kinds(step1)).toEqual(['ConfigMap', 'Job', 'Namespace', 'NetworkPolicy']);
    expect(step1.filter((o) => o.kind === 'Job')).toHaveLength(ofKind(objects, 'Job').length);
    expect(step1.filter((o) => o.kind === 'ConfigMap')).toHaveLength(ofKind(objects, 'ConfigMap').length);
  });

  describe('the checks themselves', () => {
    const salesDeployment = () => structuredClone(deploymentOf(render('base'), 'sales'));

    it('N7 the schema validation rejects a wrong type, a missing required field and an unknown field', () => {
      expect(validateManifest(salesDeployment())).toEqual([]);

      const stringReplicas = salesDeployment();
      stringReplicas.spec.replicas = '2' as unknown as number;
      expect(validateManifest(stringReplicas).join()).toMatch(/spec\/replicas must be integer/);

      const noProbePort = salesDeployment();
      delete must(noProbePort.spec.template.spec.containers[0].livenessProbe?.httpGet, 'httpGet').port;
      expect(validateManifest(noProbePort).join()).toMatch(/livenessProbe\/httpGet must have required property port/);

      const typo = salesDeployment() as unknown as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } } & K8sObject;
      typo.spec.template.spec.containers[0].livenesProbe = { httpGet: { path: '/health/live', port: 'http' } };
      expect(validateManifest(typo)).toEqual(['Deployment/sales: unknown field /spec/template/spec/containers/0/livenesProbe']);

      const configMap: K8sObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { PORT: 3001 } };
      expect(validateManifest(configMap).join()).toMatch(/data\/PORT must be string/);
      expect(validateManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqual(['Pod/x: no schema for v1 Pod']);
    });

    it('N7 the house rules reject a container without an image, running as root, or without limits', () => {
      expect(workloadProblems(salesDeployment())).toEqual([]);
      const bad = salesDeployment();
      const c = bad.spec.template.spec.containers[0];
      delete c.image;
      if (c.resources) delete c.resources.limits;
      bad.spec.template.spec.securityContext = { ...bad.spec.template.spec.securityContext, runAsNonRoot: false };
      expect(workloadProblems(bad)).toEqual([
        'Deployment/sales: pod securityContext.runAsNonRoot must be true',
        'Deployment/sales container sales: no image',
        'Deployment/sales container sales: no cpu limits',
        'Deployment/sales container sales: no memory limits',
      ]);
    });

    it('N7 the offline renderer refuses kustomization features it does not implement, and missing targets', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
      try {
        writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  A: b\n');
        writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [cm.yaml]\ncommonLabels:\n  a: b\n');
        expect(() => renderKustomization(dir)).toThrow(/unsupported kustomization field\(s\) commonLabels/);
        writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [cm.yaml]\npatches:\n  - target: {kind: ConfigMap, name: b}\n    patch: "[]"\n');
        expect(() => renderKustomization(dir)).toThrow(/patch target ConfigMap\/b not found/);
        writeFileSync(
          join(dir, 'kustomization.yaml'),
          'namespace: n\nresources: [cm.yaml]\npatches:\n  - target: {kind: ConfigMap, name: a}\n    patch: |-\n      - {op: replace, path: /data/A, value: c}\n',
        );
        expect(renderKustomization(dir)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n' }, data: { A: 'c' } }]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // kubectl embeds kustomize; where it runs, the offline renderer must agree with it exactly. CI must have it
    // (a missing kubectl there fails the run); elsewhere the comparison is skipped, saying why.
    const kubectlMissing = (() => {
      try {
        execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
        return null;
      } catch (err) {
        const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
        return e.code === 'ENOENT' ? 'kubectl is not on PATH' : `\`kubectl version --client\` failed: ${e.stderr?.toString().trim() || e.message}`;
      }
    })();
    const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
    if (kubectlMissing && inCi) {
      it('N7 kubectl is available in CI, to check the offline renderer against `kubectl kustomize`', () => {
        throw new Error(`${kubectlMissing}; CI (CI=${process.env.CI}) must install kubectl, or the kustomize comparison never runs`);
      });
    } else if (kubectlMissing) {
      // Printed with the run's output, so a skipped comparison is never silent.
      console.warn(`skipping the \`kubectl kustomize\` comparison: ${kubectlMissing} (outside CI; with CI set this fails)`);
    }
    const title = 'N7 the offline renderer matches `kubectl kustomize` for %s' + (kubectlMissing ? ` (skipped: ${kubectlMissing})` : '');
    (kubectlMissing ? it.skip.each(DIRS) : it.each(DIRS))(title, (dir) => {
      const out = execFileSync('kubectl', ['kustomize', join(K8S, dir)], { encoding: 'utf8' });
      const theirs = parseAllDocuments(out).map((d) => d.toJS() as K8sObject);
      // kustomize wraps long base64 values over lines; Kubernetes ignores the line breaks.
      for (const s of theirs.filter((o) => o.kind === 'Secret')) {
        const data = s.data as Record<string, string>;
        for (const k of Object.keys(data)) data[k] = data[k].replace(/\s+/g, '');
      }
      const key = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
      const sorted = (list: K8sObject[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sorted(render(dir))).toEqual(sorted(theirs));
    });
  });
});
