import type { QualityCapabilitySeed } from '../standards/standards.service';

/**
 * What quality can attain for the demo catalog (production's P-100 ... P-400). Deliberate gaps give the quality
 * review something to find: no product reaches EN 10204 3.2 (third-party inspection), the valve's solenoid is
 * IP65 and not IP67, only the shaft is measured to fine tolerances routinely among the machined parts.
 */
export const DEMO_QUALITY_CAPABILITIES: readonly QualityCapabilitySeed[] = [
  {
    productCode: 'P-100',
    attainableStandards: ['ISO 2768-m', 'ISO 2768-f', 'EN 10204 2.2', 'EN 10204 3.1'],
    inspectionNotes: 'Sealing face flatness and bolt circle checked on every 10th flange; material traceable to the mill heat number.',
  },
  {
    productCode: 'P-200',
    attainableStandards: ['ISO 2768-m', 'EN 10204 2.2', 'EN 10204 3.1'],
    inspectionNotes: 'Bearing bores measured on the CMM: first article, then 1 in 20.',
  },
  {
    productCode: 'P-300',
    attainableStandards: ['ISO 2768-m', 'EN 10204 3.1', 'IP65', 'RoHS'],
    inspectionNotes: '100% hydrostatic shell test at 1.5 x PN160 and seat leakage test; solenoid IP65 per the supplier declaration.',
  },
  {
    productCode: 'P-400',
    attainableStandards: ['ISO 2768-f', 'ISO 286', 'EN 10204 3.1'],
    inspectionNotes: 'Diameter d40 h6 and roundness measured on every shaft in the air-conditioned measuring room.',
  },
];
