import { z } from 'zod';
import { APPROVAL_STEPS, ApprovalStep, MoneySchema } from '@opm/contracts';
import { parseAppConfig } from '@opm/platform';

const stepList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(APPROVAL_STEPS)).min(1, 'at least one approval step').refine((a) => new Set(a).size === a.length, 'a step may appear once'));

const schema = z.object({
  /**
   * How long intake waits for finance's credit standing of a customer that sales has not heard of yet, before
   * the credit check fails and the order is escalated (R2.4); the order goes on at once when the standing arrives.
   */
  INTAKE_CREDIT_WAIT_SECONDS: z.coerce.number().int().min(1).default(900),
  INTAKE_SCAN_MS: z.coerce.number().int().min(50).default(10_000),
  /** An order at or above this total is major (R3.1): a review panel chaired by a leader. */
  REVIEW_MAJOR_ORDER_AMOUNT: MoneySchema.default('1000000.00'),
  /**
   * How long a reviewing department has to open its task once sales requested the review (issue 11): a department
   * opens it within a second normally, so a request still unopened then was not applied there (dead-lettered, or
   * the service down) and its round is shown stuck and escalated to a MANAGEMENT leader.
   */
  REVIEW_OPEN_DUE_SECONDS: z.coerce.number().int().min(1).default(600),
  /** How often sales looks for review requests no department opened in time. */
  REVIEW_STUCK_SCAN_MS: z.coerce.number().int().min(50).default(10_000),
  /** The approval chain, in order (R4.1). */
  APPROVAL_STEPS: stepList.default([...APPROVAL_STEPS]),
  /** A step is required only for orders at or above its amount (unset: always). */
  APPROVAL_MIN_AMOUNT_SALES_HEAD: MoneySchema.optional(),
  APPROVAL_MIN_AMOUNT_DIVISION_LEADER: MoneySchema.optional(),
  APPROVAL_MIN_AMOUNT_FINANCE: MoneySchema.optional(),
  /** How long the executing departments have to acknowledge an issued order before it is escalated (R4.3). */
  ISSUE_ACK_DUE_SECONDS: z.coerce.number().int().min(1).default(4 * 3600),
  ISSUE_ACK_SCAN_MS: z.coerce.number().int().min(50).default(10_000),
  /** The name on the printed order and on its seal (R4.3). */
  COMPANY_NAME: z.string().min(1).default('Acme Precision Manufacturing Co., Ltd.'),
  COMPANY_NAME_ZH: z.string().min(1).default('精密制造有限公司'),
  /** Bank details and payment reference printed on the invoice (issue 16 item 7); unset: none printed. */
  INVOICE_BANK_REFERENCE: z.string().min(1).optional(),
  /** SMTP server for sending the order to the customer (R4.4), e.g. smtp://user:pass@mail:587; unset: no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().default('orders@acme.example'),
  /** How often pending dunning e-mails are (re)tried (R7.3, issue 16 item 4). */
  DUNNING_MAIL_SCAN_MS: z.coerce.number().int().min(50).default(10_000),
  /** How often the monitoring stream (R6.4) sends a heartbeat comment, so proxies and clients see the connection alive. */
  MONITORING_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  /** How often late acknowledgements are escalated and pending escalation e-mails (re)tried (R6.5). */
  MONITORING_SCAN_MS: z.coerce.number().int().min(50).default(10_000),
});

export type SalesConfig = z.infer<typeof schema>;
export const SALES_CONFIG = Symbol('SALES_CONFIG');

export function minAmountFor(config: SalesConfig, step: ApprovalStep): string | undefined {
  return config[`APPROVAL_MIN_AMOUNT_${step}`];
}

/** Sales' own settings, validated at boot like the platform's (a bad one names the variable). */
export function loadSalesConfig(env?: NodeJS.ProcessEnv): SalesConfig {
  return parseAppConfig(schema, env);
}
