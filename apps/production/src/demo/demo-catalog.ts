import { DEMO_CURRENCY } from '@opm/contracts';
import type { ProductPayload } from '../catalog/product-rules';
import type { WorkCentreSeed } from '../work-centres/work-centres.service';

/** Plant-wide days off in the demo calendar: New Year and the Spring Festival week of 2027. */
const HOLIDAYS = ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
  date,
  hours: 0,
  reason: 'public holiday',
}));

export const DEMO_WORK_CENTRES: readonly WorkCentreSeed[] = [
  {
    code: 'MACHINING',
    name: 'CNC machining',
    hoursPerDay: 16,
    staff: 2,
    equipment: ['CNC lathe DMG CLX 450', 'vertical machining centre VMC-850'],
    calendarExceptions: [{ date: '2026-12-15', hours: 8, reason: 'planned maintenance, one shift' }, ...HOLIDAYS],
  },
  { code: 'ASSEMBLY', name: 'Assembly line', hoursPerDay: 8, staff: 4, equipment: ['assembly line 1', 'torque station'], calendarExceptions: HOLIDAYS },
  {
    code: 'TESTING',
    name: 'Pressure and function testing',
    hoursPerDay: 8,
    staff: 1,
    equipment: ['hydrostatic test bench 400 bar', 'function test rig'],
    calendarExceptions: HOLIDAYS,
  },
];

/** The demo catalog (API.md "Demo master data"); bill-of-materials references match purchasing's demo BOMs. */
export const DEMO_PRODUCTS: readonly ProductPayload[] = [
  {
    code: 'P-100',
    name: 'Steel flange DN100',
    specifications: ['DN100 PN16', 'DN100 PN25', '304 stainless'],
    leadTimeDays: 30,
    capacityUse: [
      { workCentre: 'MACHINING', hoursPerUnit: 0.2 },
      { workCentre: 'ASSEMBLY', hoursPerUnit: 0.05 },
    ],
    bomRef: 'BOM-P-100',
    standardCost: '8.40',
    currency: DEMO_CURRENCY,
    active: true,
  },
  {
    code: 'P-200',
    name: 'Gear housing GH-2',
    specifications: ['GH-2 cast iron', 'GH-2 machined mounting face'],
    leadTimeDays: 45,
    capacityUse: [
      { workCentre: 'MACHINING', hoursPerUnit: 1.5 },
      { workCentre: 'ASSEMBLY', hoursPerUnit: 0.5 },
    ],
    bomRef: 'BOM-P-200',
    standardCost: '95.00',
    currency: DEMO_CURRENCY,
    active: true,
  },
  {
    code: 'P-300',
    name: 'Hydraulic valve HV-16',
    specifications: ['HV-16 PN160', 'HV-16 24 V DC solenoid'],
    leadTimeDays: 60,
    capacityUse: [
      { workCentre: 'MACHINING', hoursPerUnit: 2 },
      { workCentre: 'ASSEMBLY', hoursPerUnit: 1 },
      { workCentre: 'TESTING', hoursPerUnit: 0.5 },
    ],
    bomRef: 'BOM-P-300',
    standardCost: '310.00',
    currency: DEMO_CURRENCY,
    active: true,
  },
  {
    code: 'P-400',
    name: 'Precision shaft S-12',
    specifications: ['S-12 d40 h6', 'S-12 42CrMo4'],
    leadTimeDays: 20,
    capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.8 }],
    bomRef: 'BOM-P-400',
    standardCost: '22.00',
    currency: DEMO_CURRENCY,
    active: true,
  },
];
