/**
 * Which differences between two AsyncAPI documents can break a consumer written against the first. A consumer
 * reads what the events carry, so a change breaks it when something it may rely on goes: a channel, a message,
 * a payload field, a field that was always there, a type it could parse, a value outside the enum it knew.
 * A new field is not breaking (consumers ignore what they do not know); a breaking change belongs in a new
 * version of the event (a new `.vN` topic), or the document's version must move to announce it.
 */
export interface EventBreakingChange {
  where: string;
  change: string;
}

type Json = Record<string, unknown>;

interface AsyncApiLike {
  info?: { version?: string };
  channels?: Record<string, unknown>;
  components?: { messages?: Record<string, { payload?: unknown }> };
}

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** What a schema says about the value itself, without its documentation or its members (compared one by one). */
function ownConstraints(schema: Json): string {
  const { description: _d, title: _t, properties: _p, required: _r, items: _i, enum: _e, examples: _x, ...rest } = schema;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function compare(where: string, before: unknown, after: unknown, out: EventBreakingChange[]): void {
  if (!isObject(before) || !isObject(after)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ where, change: 'schema changed' });
    return;
  }
  if (ownConstraints(before) !== ownConstraints(after)) out.push({ where, change: 'type or format changed' });
  if (Array.isArray(before.enum) && Array.isArray(after.enum)) {
    const added = after.enum.filter((v) => !(before.enum as unknown[]).includes(v));
    if (added.length) out.push({ where, change: `may now carry ${added.map((v) => JSON.stringify(v)).join(', ')}` });
  } else if (Array.isArray(before.enum) !== Array.isArray(after.enum)) out.push({ where, change: 'enum changed' });
  if (before.items !== undefined || after.items !== undefined) compare(`${where}[]`, before.items, after.items, out);
  const [pa, pb] = [isObject(before.properties) ? before.properties : {}, isObject(after.properties) ? after.properties : {}];
  const [ra, rb] = [Array.isArray(before.required) ? before.required : [], Array.isArray(after.required) ? after.required : []];
  for (const [name, schema] of Object.entries(pa)) {
    const at = `${where}.${name}`;
    if (!(name in pb)) out.push({ where: at, change: 'field removed' });
    else {
      if (ra.includes(name) && !rb.includes(name)) out.push({ where: at, change: 'no longer always present' });
      compare(at, schema, pb[name], out);
    }
  }
}

export function eventBreakingChanges(previous: AsyncApiLike, next: AsyncApiLike): EventBreakingChange[] {
  const out: EventBreakingChange[] = [];
  for (const channel of Object.keys(previous.channels ?? {})) {
    if (!(channel in (next.channels ?? {}))) out.push({ where: `channel ${channel}`, change: 'channel removed' });
  }
  for (const [name, message] of Object.entries(previous.components?.messages ?? {})) {
    const after = next.components?.messages?.[name];
    if (!after) out.push({ where: `message ${name}`, change: 'message removed' });
    else compare(`message ${name}`, message.payload, after.payload, out);
  }
  return out;
}

/** Breaking changes are allowed only when the document's version moved. */
export function refusedEventChanges(previous: AsyncApiLike, next: AsyncApiLike): EventBreakingChange[] {
  return previous.info?.version !== next.info?.version ? [] : eventBreakingChanges(previous, next);
}
