import type { ValueTransformer } from 'typeorm';

/**
 * Hours are a capacity figure, not money: PostgreSQL keeps them exact as numeric(5,2) and the API shows them as
 * numbers (as the catalog's hoursPerUnit), which two decimals represent without surprise. In a file of its own
 * because both work-centre entities use it and they import each other.
 */
export const hoursTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
