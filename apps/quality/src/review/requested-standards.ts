/**
 * Which quality standards an order's text asks for (R3.4), and what quality does about each. The recognised
 * standards are exactly the patterns below; a standard written any other way is not recognised, and the
 * reviewer reading the order is the safety net. Names are normalised to how the capability table writes them.
 */
export type StandardKind = 'ISO_2768' | 'EN_10204' | 'IP' | 'ROHS' | 'ISO';

interface StandardPattern {
  kind: StandardKind;
  pattern: RegExp;
  name: (match: RegExpMatchArray) => string;
}

/** "3.1" as a document type, not part of "13.15" or "3.10". */
const EN_10204_TYPE = '(?<![\\d.])([23]\\.[12])(?![\\d.])';
const CERTIFICATE = '(?:(?:inspection|mill|material|test)\\s+)?cert(?:ificate)?s?';

/**
 * Most specific first: the text a pattern matched is blanked before the next looks, so "ISO 2768-f" is not also
 * read as a bare "ISO 2768", nor "EN 10204 3.1 certificate" as a second "3.1 certificate".
 */
export const STANDARD_PATTERNS: readonly StandardPattern[] = [
  // General tolerances, tolerance class f/m/c/v: "ISO 2768-m", "ISO 2768 f", "ISO 2768-1 m", "ISO 2768-mK" (the geometric class letter is not distinguished).
  { kind: 'ISO_2768', pattern: /\bISO\s*2768(?:-[12])?\s*[-:]?\s*([fmcv])[HKL]?\b/gi, name: (m) => `ISO 2768-${m[1].toLowerCase()}` },
  // Inspection documents: "EN 10204 3.1", "EN10204:3.2", "EN 10204 type 2.2", "3.1 certificate", "mill cert 3.1".
  { kind: 'EN_10204', pattern: new RegExp(`\\bEN\\s*10204\\s*[-:/]?\\s*(?:type\\s*)?${EN_10204_TYPE}(?:\\s*${CERTIFICATE})?`, 'gi'), name: (m) => `EN 10204 ${m[1]}` },
  { kind: 'EN_10204', pattern: new RegExp(`${EN_10204_TYPE}\\s*${CERTIFICATE}\\b`, 'gi'), name: (m) => `EN 10204 ${m[1]}` },
  { kind: 'EN_10204', pattern: new RegExp(`\\b${CERTIFICATE}\\s*(?:type\\s*|to\\s*)?${EN_10204_TYPE}`, 'gi'), name: (m) => `EN 10204 ${m[1]}` },
  { kind: 'EN_10204', pattern: /\bEN\s*10204\b/gi, name: () => 'EN 10204' },
  // Ingress protection (IEC 60529): "IP65", "IP 67", "IP6X".
  { kind: 'IP', pattern: /\bIP\s?([0-6X][0-9X])K?\b/gi, name: (m) => `IP${m[1].toUpperCase()}` },
  { kind: 'ROHS', pattern: /\bRoHS(?:\s*(?:2|3|II|III)\b)?/gi, name: () => 'RoHS' },
  // Any other ISO standard by number: "ISO 9001:2015" -> "ISO 9001", "ISO 286-2" -> "ISO 286".
  { kind: 'ISO', pattern: /\bISO\s*(\d{3,5})(?:-\d+)?(?::\d{4})?\b/gi, name: (m) => `ISO ${m[1]}` },
];

export function kindOf(standard: string): StandardKind {
  if (/^ISO 2768\b/i.test(standard)) return 'ISO_2768';
  if (/^EN 10204\b/i.test(standard)) return 'EN_10204';
  if (/^IP/i.test(standard)) return 'IP';
  if (/^RoHS$/i.test(standard)) return 'ROHS';
  return 'ISO';
}

/** The standards a text asks for, normalised, each once, in the order they appear. */
export function requestedStandards(text: string | null | undefined): string[] {
  if (!text) return [];
  let rest = text;
  const found: { at: number; name: string }[] = [];
  for (const { pattern, name } of STANDARD_PATTERNS) {
    for (const match of [...rest.matchAll(pattern)]) {
      const at = match.index ?? 0;
      found.push({ at, name: name(match) });
      rest = rest.slice(0, at) + ' '.repeat(match[0].length) + rest.slice(at + match[0].length);
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}

/** Finer classes include coarser ones: a plant that holds f holds m, c and v. */
const ISO_2768_FINENESS = ['f', 'm', 'c', 'v'];
/** A document of a higher type covers a lower one: 3.2 > 3.1 > 2.2 > 2.1. */
const EN_10204_TYPES = ['2.1', '2.2', '3.1', '3.2'];

const iso2768Class = (s: string): number => ISO_2768_FINENESS.indexOf(/^ISO 2768-([fmcv])$/i.exec(s)?.[1]?.toLowerCase() ?? '');
const en10204Type = (s: string): number => EN_10204_TYPES.indexOf(/^EN 10204 ([23]\.[12])$/i.exec(s)?.[1] ?? '');

/**
 * Whether quality can attain `asked` given what it attains for the product: the same standard, a finer ISO 2768
 * class, a higher EN 10204 document type, or, for a family named without its class or type ("ISO 2768",
 * "EN 10204"), any member of it.
 */
export function isAttainable(asked: string, attainable: readonly string[]): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (attainable.some((a) => same(a, asked))) return true;
  const kind = kindOf(asked);
  const family = attainable.filter((a) => kindOf(a) === kind);
  if (kind === 'ISO_2768') {
    const wanted = iso2768Class(asked);
    return wanted < 0 ? family.length > 0 : family.some((a) => iso2768Class(a) >= 0 && iso2768Class(a) <= wanted);
  }
  if (kind === 'EN_10204') {
    const wanted = en10204Type(asked);
    return wanted < 0 ? family.length > 0 : family.some((a) => en10204Type(a) >= wanted);
  }
  return false;
}

/** What quality does in execution for an attainable standard on one line (R3.4 "control measures"). */
export function controlMeasure(standard: string, line: string): string {
  switch (kindOf(standard)) {
    case 'ISO_2768':
      return `100% dimensional inspection of ${line} against ${standard} general tolerances, results recorded per lot`;
    case 'EN_10204': {
      const type = EN_10204_TYPES[en10204Type(standard)];
      if (type === '3.2') return `book the authorised inspector to witness the final tests of ${line} and co-sign the EN 10204 3.2 certificate per lot`;
      if (type === '3.1') return `issue an EN 10204 3.1 inspection certificate per lot of ${line}, signed by quality, with material traceability to the heat number`;
      if (type) return `issue an EN 10204 ${type} ${type === '2.2' ? 'test report' : 'declaration of compliance'} per lot of ${line}`;
      return `issue the EN 10204 inspection document the customer specifies per lot of ${line} (type to be confirmed)`;
    }
    case 'IP':
      return `ingress protection test of ${line} to ${standard} (IEC 60529) on a sample of each lot`;
    case 'ROHS':
      return `file the suppliers' RoHS declarations for every material of ${line} with each lot's records`;
    default:
      return `verify and record conformity of ${line} to ${standard} in the inspection plan and the final inspection report`;
  }
}

/** What quality proposes when it cannot attain `asked` for one line: an attainable alternative, or outside help. */
export function proposalsFor(asked: string, attainable: readonly string[], line: string): string[] {
  const family = attainable.filter((a) => kindOf(a) === kindOf(asked));
  const instead = family.length > 0 ? [`or agree ${family.join(' / ')} instead of ${asked} for ${line}`] : [];
  switch (kindOf(asked)) {
    case 'ISO_2768': {
      const best = [...family].sort((a, b) => iso2768Class(a) - iso2768Class(b))[0];
      return [
        ...(best ? [`agree ${best} instead of ${asked} for ${line}`] : []),
        `${best ? 'or ' : ''}have ${line} measured against ${asked} by an accredited external laboratory (every toleranced dimension)`,
      ];
    }
    case 'EN_10204':
      return [`third-party inspection for ${asked} on ${line}: an authorised inspector (the customer's or a notified body) witnesses the tests; cost to be quoted`, ...instead];
    case 'IP':
      return [`type test of ${line} to ${asked} (IEC 60529) at an accredited laboratory, with design changes as needed`, ...instead];
    case 'ROHS':
      return [`obtain RoHS declarations from the suppliers of every material of ${line}, then quality to confirm ${asked}`];
    default:
      return [`third-party testing and certification of ${line} to ${asked}`, ...(attainable.length > 0 ? [`or agree one of the attainable standards (${attainable.join(', ')}) for ${line}`] : [])];
  }
}
