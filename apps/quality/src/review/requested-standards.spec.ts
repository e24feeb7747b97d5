import { controlMeasure, isAttainable, proposalsFor, requestedStandards } from './requested-standards';

describe(requestedStandards.name, () => {
  it('R3.4 recognises tolerance classes, inspection certificates, IP ratings, RoHS and other ISO standards', () => {
    expect(requestedStandards('general tolerances ISO 2768-f, EN 10204 3.1 certificate, IP67, RoHS 3, made under ISO 9001:2015')).toEqual([
      'ISO 2768-f',
      'EN 10204 3.1',
      'IP67',
      'RoHS',
      'ISO 9001',
    ]);
  });

  it('R3.4 certificate wordings all mean the EN 10204 document; each standard is listed once', () => {
    expect(requestedStandards('3.1 certificate')).toEqual(['EN 10204 3.1']);
    expect(requestedStandards('certificate 3.2 please')).toEqual(['EN 10204 3.2']);
    expect(requestedStandards('mill cert 3.1 and EN10204:3.1')).toEqual(['EN 10204 3.1']);
    expect(requestedStandards('EN 10204 type 2.2')).toEqual(['EN 10204 2.2']);
    expect(requestedStandards('documents per EN 10204')).toEqual(['EN 10204']);
    expect(requestedStandards('iso 2768 m, ISO 2768-mK')).toEqual(['ISO 2768-m']);
    expect(requestedStandards('IP 6X dust tight')).toEqual(['IP6X']);
  });

  it('R3.4 ordinary specifications and prose ask for nothing', () => {
    for (const text of [null, '', 'DN100 PN16', 'S-12 d40 h6', 'HV-16 24 V DC solenoid', 'certain 3.1 mm thick', 'version 13.15', 'zip code 3.1x', 'IPA cleaned']) {
      expect(requestedStandards(text)).toEqual([]);
    }
  });
});

describe(isAttainable.name, () => {
  it('R3.4 the same standard, a finer ISO 2768 class or a higher EN 10204 document covers what is asked', () => {
    expect(isAttainable('ISO 2768-m', ['ISO 2768-f'])).toBe(true);
    expect(isAttainable('ISO 2768-f', ['ISO 2768-m'])).toBe(false);
    expect(isAttainable('EN 10204 2.2', ['EN 10204 3.1'])).toBe(true);
    expect(isAttainable('EN 10204 3.2', ['EN 10204 3.1'])).toBe(false);
    expect(isAttainable('EN 10204', ['EN 10204 2.2'])).toBe(true);
    expect(isAttainable('rohs', ['RoHS'])).toBe(true);
    expect(isAttainable('IP67', ['IP65'])).toBe(false);
    expect(isAttainable('ISO 9001', [])).toBe(false);
  });
});

describe('quality measures and proposals', () => {
  it('R3.4 a control measure and a proposal name the standard and the line', () => {
    expect(controlMeasure('ISO 2768-f', 'line 1 (P-100)')).toBe('100% dimensional inspection of line 1 (P-100) against ISO 2768-f general tolerances, results recorded per lot');
    expect(controlMeasure('EN 10204 3.1', 'line 1 (P-100)')).toContain('issue an EN 10204 3.1 inspection certificate per lot of line 1 (P-100)');
    expect(proposalsFor('EN 10204 3.2', ['EN 10204 3.1'], 'line 1 (P-100)')).toEqual([
      "third-party inspection for EN 10204 3.2 on line 1 (P-100): an authorised inspector (the customer's or a notified body) witnesses the tests; cost to be quoted",
      'or agree EN 10204 3.1 instead of EN 10204 3.2 for line 1 (P-100)',
    ]);
    expect(proposalsFor('ISO 2768-f', ['ISO 2768-m', 'ISO 2768-c'], 'line 2 (P-200)')[0]).toBe('agree ISO 2768-m instead of ISO 2768-f for line 2 (P-200)');
  });
});
