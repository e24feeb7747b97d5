import type { PhaseRow } from './checks';

const COLUMNS: { title: string; cell: (r: PhaseRow) => string }[] = [
  { title: 'fault', cell: (r) => r.fault },
  { title: 'sent', cell: (r) => String(r.sent) },
  { title: 'accepted', cell: (r) => String(r.accepted) },
  { title: 'lost', cell: (r) => String(r.lost) },
  { title: '(unanswered)', cell: (r) => String(r.unanswered) },
  { title: 'duplicated', cell: (r) => String(r.duplicated) },
  { title: 'rounds concluded', cell: (r) => String(r.roundsConcluded) },
  { title: 'client retries', cell: (r) => String(r.clientRetries) },
  { title: 'recover: first 201 (s)', cell: (r) => (r.recoverFirstSeconds === null ? '-' : r.recoverFirstSeconds.toFixed(1)) },
  { title: 'recover: drained (s)', cell: (r) => (r.recoverDrainedSeconds === null ? 'never' : r.recoverDrainedSeconds.toFixed(1)) },
];

/** The fault table, one row per fault and a total, as plain aligned text (and valid Markdown). */
export function formatTable(rows: readonly PhaseRow[]): string {
  const total: PhaseRow = {
    fault: 'total',
    sent: sum(rows, (r) => r.sent),
    accepted: sum(rows, (r) => r.accepted),
    lost: sum(rows, (r) => r.lost),
    unanswered: sum(rows, (r) => r.unanswered),
    duplicated: sum(rows, (r) => r.duplicated),
    roundsConcluded: sum(rows, (r) => r.roundsConcluded),
    clientRetries: sum(rows, (r) => r.clientRetries),
    recoverFirstSeconds: max(rows.map((r) => r.recoverFirstSeconds)),
    recoverDrainedSeconds: rows.some((r) => r.recoverDrainedSeconds === null) ? null : max(rows.map((r) => r.recoverDrainedSeconds)),
  };
  const cells = [...rows, total].map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) => `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  return [line(COLUMNS.map((c) => c.title)), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** The suite fails when any order was lost or duplicated, or any other check found something. */
export function exitCode(rows: readonly PhaseRow[], otherProblems: number): number {
  return rows.some((r) => r.lost > 0 || r.duplicated > 0 || r.roundsConcluded < r.accepted) || otherProblems > 0 ? 1 : 0;
}

const sum = (rows: readonly PhaseRow[], f: (r: PhaseRow) => number): number => rows.reduce((n, r) => n + f(r), 0);
const max = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v === null ? m : m === null || v > m ? v : m), null);
