import { z } from 'zod';
import { isoDateSchema } from './common';

export const unitTypes = [
  'province_committee',
  'bloc_committee',
  'district_committee',
  'commune_committee',
  'workplace_committee',
  'residential_cell',
  'workplace_cell',
] as const;
export const unitTypeSchema = z.enum(unitTypes);
export type UnitType = z.infer<typeof unitTypeSchema>;

export const workplaceSectors = ['agency', 'enterprise', 'public_service', 'armed_forces'] as const;
export const workplaceSectorSchema = z.enum(workplaceSectors);
export const unitStatusSchema = z.enum(['active', 'merged', 'dissolved']);
export const areaKindSchema = z.enum(['village', 'hamlet', 'block', 'residential_group', 'other']);

export const orgUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  type: unitTypeSchema,
  sector: workplaceSectorSchema.nullable(),
  status: unitStatusSchema,
  depth: z.number().int(),
  residentialAreaId: z.uuid().nullable(),
  residentialAreaName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  mergedIntoId: z.uuid().nullable(),
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitListQuerySchema = z.object({
  /** children of this unit; without it, the roots the actor can see */
  parentId: z.uuid().optional(),
  /** search by name (diacritics ignored) across the actor's visible units */
  q: z.string().trim().max(100).optional(),
  type: unitTypeSchema.optional(),
  /** "true"/"false" from a query string (z.coerce.boolean would read "false" as true) */
  includeInactive: z.stringbool().optional(),
});

export const orgUnitDetailSchema = orgUnitSchema.extend({
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), type: unitTypeSchema })),
  counts: z.object({
    childUnits: z.number().int(),
    /** members whose party cell is in this subtree (active status) */
    members: z.number().int(),
    /** of them, working members (cell under a workplace committee) */
    workingMembers: z.number().int(),
    /** working members whose actual residence is in this subtree (communes) or area (residential cells) */
    residentWorkingMembers: z.number().int(),
  }),
  officers: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      kind: z.string(),
      effectiveDate: isoDateSchema,
      fromValue: z.string().nullable(),
      toValue: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** rename, move, merge, dissolve: the superior committee (strictly above) or an admin */
  canManage: z.boolean(),
  /** contact details and new child units: also the unit's own committee officers */
  canEditDetails: z.boolean(),
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const createOrgUnitBodySchema = z.object({
  parentId: z.uuid().nullable(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9._-]+$/, 'code.format'),
  name: z.string().trim().min(2).max(200),
  type: unitTypeSchema,
  sector: workplaceSectorSchema.nullish(),
  residentialAreaId: z.uuid().nullish(),
  /** create a new residential area together with a residential cell */
  newResidentialArea: z.object({ name: z.string().trim().min(1).max(200), kind: areaKindSchema }).nullish(),
  address: optionalText(300),
  phone: optionalText(30),
  email: z.email().nullish().or(z.literal('')),
  meetingPlace: optionalText(300),
  validFrom: isoDateSchema.optional(),
});

export const updateOrgUnitBodySchema = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  sector: workplaceSectorSchema.nullish(),
  address: optionalText(300),
  phone: optionalText(30),
  email: z.email().nullish().or(z.literal('')),
  meetingPlace: optionalText(300),
  /** date the rename takes effect (history) */
  effectiveDate: isoDateSchema.optional(),
});

export const moveOrgUnitBodySchema = z.object({ newParentId: z.uuid(), effectiveDate: isoDateSchema.optional() });
export const mergeOrgUnitsBodySchema = z.object({
  /** units merged into the target; they close, their children, members and records follow */
  sourceIds: z.array(z.uuid()).min(1).max(50),
  effectiveDate: isoDateSchema.optional(),
  note: z.string().trim().max(500).optional(),
});
export const dissolveOrgUnitBodySchema = z.object({
  effectiveDate: isoDateSchema.optional(),
  note: z.string().trim().max(500).optional(),
});

export const residentialAreaSchema = z.object({
  id: z.uuid(),
  communeUnitId: z.uuid(),
  name: z.string(),
  kind: areaKindSchema,
  frontHeadName: z.string().nullable(),
  frontHeadPhone: z.string().nullable(),
});

export const residentialAreaListQuerySchema = z.object({ communeUnitId: z.uuid().optional() });
export const residentialAreaListSchema = z.object({ items: z.array(residentialAreaSchema) });
export const orgUnitListSchema = z.object({ items: z.array(orgUnitSchema) });

/** Unit pickers (GET /api/lookups/units): active units by name, diacritics ignored. */
export const unitLookupQuerySchema = z.object({
  type: unitTypeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  /** `reach`: only units within the user's own grants (pickers for acting on a unit, not for naming one) */
  within: z.enum(['reach']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const unitLookupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: unitTypeSchema,
  parentName: z.string().nullable(),
});
export type UnitLookup = z.infer<typeof unitLookupSchema>;
export const unitLookupListSchema = z.object({ items: z.array(unitLookupSchema) });
export const lookupPaths = { units: '/api/lookups/units', areas: '/api/lookups/areas' } as const;
/** Area pickers (GET /api/lookups/areas): the residential areas of one commune, for a member's residence. */
export const areaLookupQuerySchema = z.object({ communeUnitId: z.uuid() });

export const orgUnitPaths = {
  list: '/api/org-units',
  detail: (id: string) => `/api/org-units/${id}`,
  move: (id: string) => `/api/org-units/${id}/move`,
  merge: (id: string) => `/api/org-units/${id}/merge`,
  dissolve: (id: string) => `/api/org-units/${id}/dissolve`,
  areas: '/api/residential-areas',
} as const;
