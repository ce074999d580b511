/**
 * The one error shape of the API: `{ "error": { "code", "message", "messageTh", "details"? } }`.
 * `message` is English (what generic HTTP tooling and logs expect in a string), `messageTh` the same in Thai;
 * `code` is what a program switches on. `details` depends on the code (issues, the current row, limits …).
 */
import { z } from 'zod';

export const errorCodes = [
  'invalid_request',
  'invalid_json',
  'invalid_assessment',
  'assessment_id_mismatch',
  'idempotency_key_required',
  'file_required',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'assessment_not_found',
  'round_not_found',
  'unit_not_found',
  'indicator_not_found',
  'report_not_found',
  'attachment_not_found',
  'round_closed',
  'invalid_status',
  'version_conflict',
  'locked',
  'idempotency_key_reused',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_file_type',
  'too_many_attempts',
  'busy',
  'separation_of_duties',
  'quota_exceeded',
  'rate_limited',
  'database_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    messageTh: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
