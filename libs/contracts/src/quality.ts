/** Where in execution an inspection happens (R5.3): goods in, during production, before shipment. */
export const INSPECTION_STAGES = ['INCOMING', 'IN_PROCESS', 'FINAL'] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];

export const INSPECTION_RESULTS = ['PASS', 'FAIL'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** What the quality head decides for a nonconforming lot (R5.3). */
export const NONCONFORMANCE_DISPOSITIONS = ['REWORK', 'SCRAP', 'USE_AS_IS', 'RETURN_TO_SUPPLIER'] as const;
export type NonconformanceDisposition = (typeof NONCONFORMANCE_DISPOSITIONS)[number];

/** OPEN when raised, DISPOSITIONED once the head decided, CLOSED when the disposition was carried out. */
export const NONCONFORMANCE_STATUSES = ['OPEN', 'DISPOSITIONED', 'CLOSED'] as const;
export type NonconformanceStatus = (typeof NONCONFORMANCE_STATUSES)[number];
