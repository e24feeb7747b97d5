import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { K8sObject } from './kustomize';

/**
 * Offline validation against the Kubernetes OpenAPI schemas that kubernetes-models ships (types, required
 * fields, enums), made strict like `kubeconform -strict`: a field the schema does not know is an error too.
 */

interface ModelClass {
  prototype: { validate(): void };
}

// The kinds deploy/k8s uses; another kind fails validation until it is added here.
const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

interface Visit {
  value: object;
  path: string;
  read: Set<string>;
  enumerated: boolean;
}

/**
 * The schema's validate function reads each property its schema declares, and enumerates the keys of maps
 * (labels, data, resource quantities). Watching those reads through a Proxy tells which keys of each object the
 * schema knows; any other key is unknown to Kubernetes (a typo such as `livenesProbe` would be dropped silently).
 */
function watch(value: unknown, path: string, visits: Map<object, Visit>, proxies: WeakMap<object, object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  // One proxy and one record per object: the validator reads a property several times (presence, then value).
  const known = proxies.get(value);
  if (known) return known;
  const visit: Visit = { value, path, read: new Set(), enumerated: false };
  visits.set(value, visit);
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const result: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return result;
      visit.read.add(key);
      return watch(result, `${path}/${key}`, visits, proxies);
    },
    has(target, key) {
      if (typeof key === 'string') visit.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      visit.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}

/** Problems found in one manifest; empty when it is valid. */
export function validateManifest(doc: K8sObject): string[] {
  const id = `${doc.kind}/${doc.metadata?.name}`;
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!model) return [`${id}: no schema for ${doc.apiVersion} ${doc.kind}`];
  const visits = new Map<object, Visit>();
  try {
    model.prototype.validate.call(watch(doc, '', visits, new WeakMap()));
  } catch (err) {
    return [`${id}: ${(err as Error).message}`];
  }
  const unknown = [...visits.values()]
    .filter((v) => !Array.isArray(v.value) && !v.enumerated)
    .flatMap((v) => Object.keys(v.value).filter((k) => !v.read.has(k)).map((k) => `${v.path}/${k}`));
  return unknown.map((path) => `${id}: unknown field ${path}`);
}
