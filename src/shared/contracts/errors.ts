// zod/mini: the same schemas, parse and JSON Schema as `zod`, without its methods, so the login page
// does not download classic zod (decision 0009). Use the functions (`z.optional(x)`), not methods.
import { z } from 'zod/mini';

/** Every error the API returns has this shape. `message` is in the requester's language. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** field → message, for validation errors */
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
