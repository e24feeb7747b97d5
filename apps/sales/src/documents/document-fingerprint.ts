import { createHash } from 'node:crypto';
import { canonicalJson } from '@opm/platform';
import type { OrderDocumentData } from './order-document-data';

/*
 * The rule issuance and verification share (R4.3). The PDF bytes are not reproducible (pdfkit writes the
 * creation date and a random document id), so what identifies the issued content is documentFingerprint():
 * a SHA-256 over a canonical JSON of the data. Issuance computes it, keeps it and passes it to the renderer
 * as verificationCode; the renderer prints it in every page's footer and writes it into the info dictionary
 * (Subject and Keywords), where readVerificationCode() finds it again without OCR. Changing this rule would
 * make every order issued before the change fail verification.
 */

/** Fields that are not issued content: the status moves on, and the code cannot cover itself. */
const NOT_FINGERPRINTED: ReadonlySet<string> = new Set(['status', 'verificationCode']);

/**
 * The verification code of the issued content: SHA-256 (hex) of the data as canonical JSON (object keys
 * sorted, no whitespace), without status and verificationCode. Key order does not matter; every other
 * field, down to one character of one comment, does.
 */
export function documentFingerprint(data: OrderDocumentData): string {
  const content = Object.fromEntries(Object.entries(data).filter(([key]) => !NOT_FINGERPRINTED.has(key)));
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The renderer writes the code into the info dictionary in this form, for readVerificationCode(). */
export function verificationKeyword(code: string): string {
  return `verification:${code}`;
}

const CODE_IN_TEXT = /verification code[^0-9a-f]{0,40}([0-9a-f]{64})/i;
const CODE_IN_INFO = /verification:([0-9a-f]{64})/;

/** The verification code printed on the page, from text extracted out of the PDF. */
export function extractVerificationCode(pdfText: string): string | null {
  return CODE_IN_TEXT.exec(pdfText)?.[1]?.toLowerCase() ?? null;
}

/**
 * The verification code from a PDF's info dictionary (Keywords "verification:<code>"), read from the raw
 * bytes: pdfkit writes the info dictionary uncompressed and in ASCII. A PDF re-saved by another program may
 * compress it; then this returns null and the code has to come from the page text.
 */
export function readVerificationCode(pdf: Buffer): string | null {
  return CODE_IN_INFO.exec(pdf.toString('latin1'))?.[1] ?? null;
}

/** SHA-256 (hex) of the PDF bytes: keep it at issuance to recognise an unaltered copy of the issued file. */
export function pdfSha256(pdf: Buffer): string {
  return createHash('sha256').update(pdf).digest('hex');
}
