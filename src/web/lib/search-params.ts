// URL search params of the routes, in zod/mini: the router is on the login page's path (decision 0009).
import { z } from 'zod/mini';

/** A bad or stale value (an old link, a hand-edited URL) is dropped, never an error page. */
export const optionalParam = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

export const uuidParam = () => optionalParam(z.uuid());
export const textParam = (max: number) => optionalParam(z.string().check(z.maxLength(max)));
export const enumParam = <const V extends readonly [string, ...string[]]>(values: V) =>
  optionalParam(z.enum(values));
/** A whole number within bounds, as typed in the URL (?year=2026). */
export const intParam = (min: number, max: number) =>
  optionalParam(z.coerce.number().check(z.multipleOf(1), z.gte(min), z.lte(max)));
export const yearParam = () => intParam(2000, 2100);

export { z };
