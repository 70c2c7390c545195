import { z } from 'zod';

// the error shape lives on the login page's path, in zod/mini (see errors.ts)
export { errorResponseSchema, type ErrorResponse } from './errors';

export const idParamSchema = z.object({ id: z.uuid() });
/** ISO calendar date (yyyy-mm-dd) on the wire; the UI shows dd/mm/yyyy. */
export const isoDateSchema = z.iso.date();
/** Optional free text: trimmed, at most `max` characters; an empty field is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const okSchema = z.object({ ok: z.literal(true) });

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
