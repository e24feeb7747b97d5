import { SERVICES } from '@opm/contracts';
import type { FaultSettings } from './settings';

export type KilledProcess = (typeof SERVICES)[number] | 'gateway';

/** One fault, injected during its own load phase. */
export type Fault =
  | { name: string; kind: 'kill'; target: KilledProcess; downSeconds: number }
  | { name: string; kind: 'kafka'; downSeconds: number }
  | { name: string; kind: 'database'; downSeconds: number };

/** The faults in the order they are injected: kill -9 of each service and the gateway, Kafka, the databases. */
export function faultPlan(settings: Pick<FaultSettings, 'restartSeconds' | 'kafkaDownSeconds' | 'dbDownSeconds' | 'only'>): Fault[] {
  const all: Fault[] = [
    ...[...SERVICES, 'gateway' as const].map((target): Fault => ({ name: `kill -9 ${target}`, kind: 'kill', target, downSeconds: settings.restartSeconds })),
    { name: 'kafka down', kind: 'kafka', downSeconds: settings.kafkaDownSeconds },
    { name: 'databases down', kind: 'database', downSeconds: settings.dbDownSeconds },
  ];
  if (settings.only.length === 0) return all;
  const unknown = settings.only.filter((name) => !all.some((f) => f.name === name));
  if (unknown.length > 0) throw new Error(`FAULTS_ONLY names unknown faults: ${unknown.join(', ')} (known: ${all.map((f) => f.name).join(', ')})`);
  return all.filter((f) => settings.only.includes(f.name));
}

/** Orders per phase: the total spread evenly, at least one per phase. */
export function ordersPerPhase(total: number, phases: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, phases)));
}
