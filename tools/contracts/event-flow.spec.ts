import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@opm/contracts';
import { ALL_EVENTS, EventDefinition, eventName, keyedByOrder, SERVICES, ServiceName } from '@opm/contracts';

// Who publishes and consumes each event is declared once, in libs/contracts (defineEvent's metadata), and the
// AsyncAPI document is made from it. This test reads the services' code and fails when the two disagree:
// consumers are the `@EventPattern(XxxV1.topic)` handlers, publishers the `outbox.publish(m, XxxV1, { orderId | key })`
// calls, in apps/<service>/src, or in a libs/workflow module that the service registers.

const ROOT = join(__dirname, '..', '..');

interface SourceFile {
  path: string;
  text: string;
}

/** The code the build ships: .ts files, no specs, no test folders (tsconfig.build.json). */
function sources(dir: string): SourceFile[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sources(path);
    if (!entry.name.endsWith('.ts') || /\.(e2e-)?spec\.ts$/.test(entry.name)) return [];
    return [{ path, text: readFileSync(join(ROOT, path), 'utf8') }];
  });
}
const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

const APPS = folders('apps');
const FILES = [...APPS.map((a) => `apps/${a}/src`), ...folders('libs').map((l) => `libs/${l}/src`)].flatMap(sources);

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];
const CONSUMER = /@EventPattern\(\s*(\w+)\.topic\s*\)/g;
const ANY_EVENT_PATTERN = /@EventPattern\(/g;
const PUBLISHER = /\boutbox\.publish\(\s*\w+\s*,\s*(\w+)\s*,\s*(?:\{\s*(\w+))?/g;
const ANY_OUTBOX_PUBLISH = /\boutbox\.publish\(/g;
const INBOX_CONSUME = /\binbox\.consume\([^,]+,\s*(\w+)\s*,/g;

/** The services whose process runs a file: its app's, or for a libs/workflow folder the apps that register its module. */
function servicesRunning(path: string): ServiceName[] {
  const app = /^apps\/([^/]+)\/src\//.exec(path)?.[1];
  if (app) {
    if (!(SERVICES as readonly string[]).includes(app)) throw new Error(`${path}: ${app} is not one of the services ${SERVICES.join(', ')}`);
    return [app as ServiceName];
  }
  const folder = /^libs\/workflow\/src\/([^/]+)\//.exec(path)?.[1];
  if (!folder) throw new Error(`${path} publishes or consumes events, but is neither in a service nor in a libs/workflow module`);
  const modules = FILES.filter((f) => f.path.startsWith(`libs/workflow/src/${folder}/`)).flatMap((f) =>
    matches(f.text, /export class (\w+Module)\b/g).map((m) => m[1]),
  );
  // Registered as `DepartmentOrdersModule.forDepartment(...)`, `ReviewTasksModule.forService(...)`, `CatalogReadCopyModule.register(...)`.
  const services = APPS.filter((a) =>
    FILES.some((f) => f.path.startsWith(`apps/${a}/src/`) && modules.some((m) => new RegExp(`\\b${m}\\.\\w+\\(`).test(f.text))),
  );
  return services.map((s) => servicesRunning(`apps/${s}/src/`)[0]);
}

function definitionNamed(name: string, path: string): EventDefinition<unknown> {
  const found = (contracts as unknown as Record<string, unknown>)[name];
  if (!ALL_EVENTS.includes(found as EventDefinition<unknown>)) throw new Error(`${path}: ${name} is not an event of ALL_EVENTS`);
  return found as EventDefinition<unknown>;
}

interface Flow {
  publishers: string[];
  consumers: string[];
}

/** What the code does, per event: who publishes and consumes it, and how the publishers pass its key. */
function scan() {
  const flows = new Map<string, { publishers: Set<string>; consumers: Set<string>; keys: Set<string> }>(
    ALL_EVENTS.map((e) => [e.type, { publishers: new Set(), consumers: new Set(), keys: new Set() }]),
  );
  const unrecognised: string[] = [];
  for (const file of FILES) {
    const consumed = matches(file.text, CONSUMER);
    const published = matches(file.text, PUBLISHER);
    if (matches(file.text, ANY_EVENT_PATTERN).length !== consumed.length) unrecognised.push(`${file.path}: an @EventPattern not of the form @EventPattern(XxxV1.topic)`);
    if (matches(file.text, ANY_OUTBOX_PUBLISH).length !== published.length) unrecognised.push(`${file.path}: an outbox.publish not of the form outbox.publish(m, XxxV1, ...)`);
    if (consumed.length + published.length === 0) continue;
    const services = servicesRunning(file.path);
    if (services.length === 0) unrecognised.push(`${file.path}: no service registers the module it belongs to`);
    for (const [, name] of consumed) services.forEach((s) => flows.get(definitionNamed(name, file.path).type)?.consumers.add(s));
    for (const [, name, key] of published) {
      const flow = flows.get(definitionNamed(name, file.path).type);
      services.forEach((s) => flow?.publishers.add(s));
      flow?.keys.add(key ?? `(not given as { orderId } or { key })`);
    }
  }
  return { flows, unrecognised };
}

describe('who publishes and consumes each event (defineEvent metadata against the code)', () => {
  const { flows, unrecognised } = scan();
  const sorted = (s: Iterable<string>) => [...s].sort();

  it('finds every handler and publish call it should read', () => {
    expect(unrecognised).toEqual([]);
    // The scan itself works: a workflow module runs in every service that registers it.
    expect(sorted(flows.get(contracts.SalesOrderReceivedV1.type)?.consumers ?? [])).toEqual(sorted([...contracts.DEPARTMENT_SERVICES, 'sales'])); // sales: the tracking ledger
  });

  it.each(ALL_EVENTS.map((e) => [eventName(e), e] as const))('%s: publishers and consumers are the declared ones', (_name, event) => {
    // Received: what the code does; Expected: what defineEvent declares (libs/contracts/src/events/).
    const found = flows.get(event.type);
    const actual: Flow = { publishers: sorted(found?.publishers ?? []), consumers: sorted(found?.consumers ?? []) };
    expect(actual).toEqual({ publishers: sorted(event.publishers), consumers: sorted(event.consumers) });
  });

  it.each(ALL_EVENTS.map((e) => [eventName(e), e] as const))('%s: publishers key it as declared', (_name, event) => {
    // Outbox.publish(m, def, { orderId }) sets the envelope's orderId too; { key } is for master data.
    expect(sorted(flows.get(event.type)?.keys ?? [])).toEqual(event.publishers.length ? [keyedByOrder(event) ? 'orderId' : 'key'] : []);
  });

  it('every handler consumes, through the inbox, the event it subscribes to', () => {
    for (const file of FILES) {
      const subscribed = matches(file.text, CONSUMER).map((m) => m[1]);
      if (subscribed.length) expect({ file: file.path, consumes: matches(file.text, INBOX_CONSUME).map((m) => m[1]).sort() }).toEqual({ file: file.path, consumes: subscribed.sort() });
    }
  });
});
