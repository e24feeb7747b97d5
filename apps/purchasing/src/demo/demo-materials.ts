import { DEMO_CURRENCY } from '@opm/contracts';
import type { BomLine } from '../boms/bill-of-materials.entity';
import type { SuppliedMaterial } from '../suppliers/supplier.entity';

export interface DemoBom {
  bomRef: string;
  description: string;
  lines: BomLine[];
}

export interface DemoSupplier {
  code: string;
  name: string;
  rating: number;
  active: boolean;
  materials: SuppliedMaterial[];
}

export interface DemoStock {
  material: string;
  description: string;
  unit: string;
  onHand: number;
}

const supplied = (material: string, leadTimeDays: number, unitPrice: string): SuppliedMaterial => ({
  material,
  leadTimeDays,
  unitPrice,
  currency: DEMO_CURRENCY,
});

/** One bill of materials per demo catalog product (production's P-100 ... P-400 refer to them by bomRef). */
export const DEMO_BOMS: readonly DemoBom[] = [
  {
    bomRef: 'BOM-P-100',
    description: 'Steel flange DN100',
    lines: [
      { material: 'STEEL-PLATE-10', quantityPerUnit: 0.8 },
      { material: 'BOLT-M16', quantityPerUnit: 8 },
    ],
  },
  {
    bomRef: 'BOM-P-200',
    description: 'Gear housing GH-2',
    lines: [
      { material: 'CAST-IRON-GH', quantityPerUnit: 1 },
      { material: 'BEARING-6205', quantityPerUnit: 2 },
    ],
  },
  {
    bomRef: 'BOM-P-300',
    description: 'Hydraulic valve HV-16',
    lines: [
      { material: 'VALVE-BODY-16', quantityPerUnit: 1 },
      { material: 'SEAL-KIT-16', quantityPerUnit: 1 },
      { material: 'SOLENOID-24V', quantityPerUnit: 1 },
    ],
  },
  { bomRef: 'BOM-P-400', description: 'Precision shaft S-12', lines: [{ material: 'STEEL-BAR-40', quantityPerUnit: 0.5 }] },
];

/**
 * Suppliers with lead times. Most materials have two sources; SOLENOID-24V has one, with a 75-day lead time, so
 * the purchasing review of a hydraulic valve order has a real supply risk to report (R3.5).
 */
export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    code: 'SUP-BAOSTEEL',
    name: 'Baosteel Trading (Shanghai)',
    rating: 5,
    active: true,
    materials: [supplied('STEEL-PLATE-10', 14, '6.20'), supplied('STEEL-BAR-40', 10, '4.80')],
  },
  {
    code: 'SUP-JIANGSU-STEEL',
    name: 'Jiangsu Special Steel Co.',
    rating: 3,
    active: true,
    materials: [supplied('STEEL-PLATE-10', 21, '5.90'), supplied('STEEL-BAR-40', 18, '4.50')],
  },
  {
    code: 'SUP-NINGBO-FASTENERS',
    name: 'Ningbo Fasteners Ltd.',
    rating: 4,
    active: true,
    materials: [supplied('BOLT-M16', 7, '0.35')],
  },
  {
    code: 'SUP-WUXI-FOUNDRY',
    name: 'Wuxi Precision Foundry',
    rating: 4,
    active: true,
    materials: [supplied('CAST-IRON-GH', 30, '38.00'), supplied('VALVE-BODY-16', 40, '95.00')],
  },
  {
    code: 'SUP-DALIAN-CASTING',
    name: 'Dalian Casting Works',
    rating: 3,
    active: true,
    materials: [supplied('CAST-IRON-GH', 35, '36.50'), supplied('VALVE-BODY-16', 45, '92.00')],
  },
  {
    code: 'SUP-HARBIN-BEARING',
    name: 'Harbin Bearing Co.',
    rating: 5,
    active: true,
    materials: [supplied('BEARING-6205', 10, '6.50')],
  },
  {
    code: 'SUP-SEALTECH',
    name: 'Sealtech Guangzhou',
    rating: 4,
    active: true,
    materials: [supplied('SEAL-KIT-16', 15, '18.00'), supplied('BEARING-6205', 20, '7.10')],
  },
  {
    code: 'SUP-TIANJIN-ELECTRO',
    name: 'Tianjin Electromagnetics',
    rating: 3,
    active: true,
    materials: [supplied('SOLENOID-24V', 75, '120.00')],
  },
];

export const DEMO_STOCK: readonly DemoStock[] = [
  { material: 'STEEL-PLATE-10', description: 'Steel plate 10 mm, Q235', unit: 'kg', onHand: 400 },
  { material: 'BOLT-M16', description: 'Hex bolt M16 x 60, 8.8', unit: 'pcs', onHand: 5000 },
  { material: 'CAST-IRON-GH', description: 'Gear housing casting GH-2', unit: 'pcs', onHand: 20 },
  { material: 'BEARING-6205', description: 'Deep groove ball bearing 6205', unit: 'pcs', onHand: 120 },
  { material: 'VALVE-BODY-16', description: 'Valve body HV-16, forged', unit: 'pcs', onHand: 6 },
  { material: 'SEAL-KIT-16', description: 'Seal kit HV-16', unit: 'pcs', onHand: 40 },
  { material: 'SOLENOID-24V', description: 'Solenoid coil 24 V DC', unit: 'pcs', onHand: 0 },
  { material: 'STEEL-BAR-40', description: 'Round bar d40, 42CrMo4', unit: 'kg', onHand: 250 },
];
