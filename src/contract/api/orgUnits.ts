import { z } from 'zod';
import { route } from '../http.ts';
import { page, pageQuery, programmeParams } from './common.ts';

/**
 * An org unit's id: letters, digits, '_' and '-', as DHIS2 uids and codes are. Paths join ids
 * with '/', so an id holding one would pass for a unit of another subtree; the database
 * checks the same rule (org_units_id_safe).
 */
export const ORG_UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const ID_RULE = 'an org unit id is 1 to 64 letters, digits, _ or -, starting with a letter or digit';

export const orgUnitId = z.string().regex(ORG_UNIT_ID, ID_RULE);

/** What a caller gives: everything but the id may be left out. */
export const unitRecordInput = z.strictObject({
  id: orgUnitId,
  name: z.string().min(1).max(200).optional(),
  parent: orgUnitId.nullable().optional(),
  groups: z.record(z.string().min(1).max(64), z.string().min(1).max(200)).optional(),
  attributes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'an attribute name is lower-case letters, digits and _'), z.number()).optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
});
export type UnitRecordInput = z.input<typeof unitRecordInput>;

export const orgUnit = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.number(),
  path: z.string(),
  groups: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.number()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const unitRecord = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  groups: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.number()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const treeReport = z.object({
  dryRun: z.boolean(),
  added: z.number(),
  moved: z.number(),
  updated: z.number(),
  removed: z.number(),
  changes: z
    .array(z.object({ id: z.string(), change: z.enum(['add', 'move', 'update', 'remove']), fields: z.array(z.string()).readonly(), before: unitRecord.nullable(), after: unitRecord.nullable() }))
    .readonly()
    .describe('the first 1,000 changes; the counts cover them all'),
  orphans: z.array(z.object({ id: z.string(), change: z.enum(['move', 'remove']), holds: z.record(z.string(), z.number()) })).readonly(),
});

/** A national tree of some 20,000 units is a few megabytes: the body limit of the tree's import. */
const MAX_TREE_UNITS = 100_000;
export const TREE_BODY_LIMIT = 32 * 1024 * 1024;

const tags = ['org units'];
const UNITS = '/programmes/:programmeId/org-units';

export const findOrgUnits = route({
  method: 'GET',
  url: UNITS,
  tags,
  summary: 'Org units in the user’s scope: children of a parent, a search by id or name, or the units of a list of ids',
  params: programmeParams,
  querystring: pageQuery.extend({
    parent: z.string().optional(),
    search: z.string().optional(),
    ids: z
      .string()
      .describe('comma-separated ids (at most 1,000), e.g. for the names of the units a list shows; ids out of scope are left out')
      .transform((text) => text.split(',').filter((id) => id !== ''))
      .pipe(z.array(z.string()).max(1000))
      .optional(),
  }),
  response: { 200: page(orgUnit) },
});

export const showOrgUnit = route({
  method: 'GET',
  url: `${UNITS}/:orgUnitId`,
  tags,
  summary: 'One org unit',
  params: programmeParams.extend({ orgUnitId: z.string() }),
  response: { 200: orgUnit },
});

export const replaceTree = route({
  method: 'PUT',
  url: UNITS,
  tags,
  summary: 'Make the tree the one given: units are added, moved, updated and removed one by one, each audited',
  description:
    'dryRun=true reports what would change. A removed unit holding records (values, statuses, contracts, invoices, runs, orders, shares, budgets, draws, grants), ' +
    'or a moved one heading such units, is refused with 409 and the list of what would be orphaned, unless force is true with a reason.',
  params: programmeParams,
  querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
  body: z.strictObject({
    units: z.array(unitRecordInput).max(MAX_TREE_UNITS),
    force: z.boolean().default(false).describe('apply although units holding records are removed or moved'),
    reason: z.string().max(2000).optional().describe('required with force; recorded in the audit log'),
  }),
  response: { 200: treeReport },
});

export const addOrgUnit = route({
  method: 'POST',
  url: UNITS,
  tags,
  summary: 'Add a unit under an existing one (or the root of an empty tree)',
  params: programmeParams,
  body: unitRecordInput,
  response: { 201: treeReport },
});

export const editOrgUnit = route({
  method: 'PATCH',
  url: `${UNITS}/:orgUnitId`,
  tags,
  summary: 'Rename, move (with everything under it), regroup, or open and close a unit (validFrom, validTo)',
  params: programmeParams.extend({ orgUnitId }),
  body: unitRecordInput.omit({ id: true }).extend({ parent: orgUnitId.optional(), reason: z.string().max(2000).optional().describe('recorded in the audit log') }),
  response: { 200: treeReport },
});
