import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * Renders a Kustomize directory without the kustomize binary (none is installed on the project's machines).
 * It supports only the fields deploy/k8s uses and throws on any other, so it can never silently render less
 * than kustomize would; the manifests spec compares it with `kubectl kustomize` wherever kubectl exists.
 */

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonPatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: Json;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { target: { kind: string; name: string }; patch: string }[];
  generatorOptions?: { disableNameSuffixHash?: boolean };
  secretGenerator?: { name: string; literals: string[]; type?: string }[];
}

const SUPPORTED: Record<string, readonly string[]> = {
  kustomization: ['apiVersion', 'kind', 'namespace', 'resources', 'images', 'replicas', 'patches', 'generatorOptions', 'secretGenerator'],
  image: ['name', 'newName', 'newTag', 'digest'],
  replica: ['name', 'count'],
  patch: ['target', 'patch'],
  target: ['kind', 'name'],
  secretGenerator: ['name', 'literals', 'type'],
  generatorOptions: ['disableNameSuffixHash'],
};

// Kinds that live outside any namespace (kustomize's namespace transformer leaves them alone).
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass']);

function onlyKnownKeys(what: keyof typeof SUPPORTED, value: object, where: string): void {
  const unknown = Object.keys(value).filter((k) => !SUPPORTED[what].includes(k));
  if (unknown.length) throw new Error(`${where}: unsupported ${what} field(s) ${unknown.join(', ')}`);
}

/** Every non-empty YAML document of a file, as plain objects. */
export function loadYamlDocuments(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS() as K8sObject | null;
    return value === null ? [] : [value];
  });
}

export function renderKustomization(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  onlyKnownKeys('kustomization', k, file);
  if (k.kind !== undefined && k.kind !== 'Kustomization') throw new Error(`${file}: kind ${k.kind}`);

  const objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : loadYamlDocuments(path)));
  }
  objects.push(...generateSecrets(k, file));

  if (k.namespace) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }
  for (const p of k.patches ?? []) applyPatch(objects, p, file);
  for (const image of k.images ?? []) setImage(objects, image, file);
  for (const r of k.replicas ?? []) setReplicas(objects, r, file);

  const ids = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`${file}: ${dup} is defined twice`);
  return objects;
}

function generateSecrets(k: Kustomization, file: string): K8sObject[] {
  if (!k.secretGenerator) return [];
  if (k.generatorOptions) onlyKnownKeys('generatorOptions', k.generatorOptions, file);
  // kustomize's name-hash suffix (and the reference rewriting it implies) is not reimplemented here.
  if (k.generatorOptions?.disableNameSuffixHash !== true) throw new Error(`${file}: secretGenerator needs generatorOptions.disableNameSuffixHash: true`);
  return k.secretGenerator.map((g) => {
    onlyKnownKeys('secretGenerator', g, file);
    const data: Record<string, string> = {};
    for (const literal of g.literals) {
      const eq = literal.indexOf('=');
      if (eq <= 0) throw new Error(`${file}: secret literal without KEY=: ${g.name}`);
      data[literal.slice(0, eq)] = Buffer.from(literal.slice(eq + 1)).toString('base64');
    }
    return { apiVersion: 'v1', kind: 'Secret', metadata: { name: g.name }, type: g.type ?? 'Opaque', data };
  });
}

function applyPatch(objects: K8sObject[], p: NonNullable<Kustomization['patches']>[number], file: string): void {
  onlyKnownKeys('patch', p, file);
  onlyKnownKeys('target', p.target, file);
  const ops = parse(p.patch) as JsonPatchOp[];
  if (!Array.isArray(ops)) throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported`);
  const targets = objects.filter((o) => o.kind === p.target.kind && o.metadata.name === p.target.name);
  if (!targets.length) throw new Error(`${file}: patch target ${p.target.kind}/${p.target.name} not found`);
  for (const t of targets) for (const op of ops) applyOp(t as unknown as Json, op, `${file} ${p.target.kind}/${p.target.name}`);
}

/** RFC 6902 add / replace / remove on a JSON pointer. */
export function applyOp(doc: Json, op: JsonPatchOp, where: string): void {
  const keys = op.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  if (last === undefined) throw new Error(`${where}: cannot patch the whole document`);
  let parent: Json = doc;
  for (const key of keys) {
    const next: Json | undefined = Array.isArray(parent) ? parent[Number(key)] : (parent as Record<string, Json> | null)?.[key];
    if (next === undefined || next === null || typeof next !== 'object') throw new Error(`${where}: path ${op.path} does not exist`);
    parent = next;
  }
  if (typeof parent !== 'object' || parent === null) throw new Error(`${where}: path ${op.path} does not exist`);
  if (op.op !== 'remove' && op.value === undefined) throw new Error(`${where}: ${op.op} ${op.path} without a value`);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`${where}: bad index in ${op.path}`);
    if (op.op === 'add') parent.splice(index, 0, op.value as Json);
    else if (index >= parent.length) throw new Error(`${where}: path ${op.path} does not exist`);
    else if (op.op === 'replace') parent[index] = op.value as Json;
    else if (op.op === 'remove') parent.splice(index, 1);
    else throw new Error(`${where}: unsupported op ${(op as { op: string }).op}`);
    return;
  }
  const obj = parent as Record<string, Json>;
  if (op.op === 'add') obj[last] = op.value as Json;
  else if (!(last in obj)) throw new Error(`${where}: path ${op.path} does not exist`);
  else if (op.op === 'replace') obj[last] = op.value as Json;
  else if (op.op === 'remove') delete obj[last];
  else throw new Error(`${where}: unsupported op ${(op as { op: string }).op}`);
}

interface Container {
  image?: string;
  [key: string]: unknown;
}

/** The containers of a workload's pod template (Deployment, Job, ...), or of a Pod. */
export function podContainers(o: K8sObject): Container[] {
  const podSpec = (o.kind === 'Pod' ? o.spec : (o.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec) as
    | { containers?: Container[]; initContainers?: Container[] }
    | undefined;
  return [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
}

function setImage(objects: K8sObject[], image: NonNullable<Kustomization['images']>[number], file: string): void {
  onlyKnownKeys('image', image, file);
  let hits = 0;
  for (const c of objects.flatMap(podContainers)) {
    if (!c.image) continue;
    const m = /^(.*?)(?::([^:/@]+))?(?:@(.+))?$/.exec(c.image);
    if (!m || m[1] !== image.name) continue;
    hits += 1;
    const name = image.newName ?? m[1];
    const tag = image.newTag ?? m[2];
    if (image.digest) c.image = `${name}@${image.digest}`;
    else c.image = `${name}${tag ? `:${tag}` : ''}${m[3] ? `@${m[3]}` : ''}`;
  }
  // kustomize ignores an image entry that matches nothing; a typo here is better caught.
  if (!hits) throw new Error(`${file}: image ${image.name} matches no container`);
}

function setReplicas(objects: K8sObject[], r: NonNullable<Kustomization['replicas']>[number], file: string): void {
  onlyKnownKeys('replica', r, file);
  const targets = objects.filter((o) => ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(o.kind) && o.metadata.name === r.name);
  if (!targets.length) throw new Error(`${file}: replicas target ${r.name} not found`);
  for (const t of targets) (t.spec as Record<string, unknown>).replicas = r.count;
}
