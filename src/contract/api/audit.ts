import { z } from 'zod';
import { route } from '../http.ts';
import { page, pageQuery, programmeParams, recordIdParam } from './common.ts';

export const auditEntry = z.object({
  id: z.number(),
  at: z.date(),
  user: z.string().nullable().describe("the user's name at sign-in"),
  userName: z.string().nullable().describe("the user's full name"),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string(),
  orgUnitId: z.string().nullable().describe('the unit the change is about; none for programme-wide changes'),
  orgUnitName: z.string().nullable().describe("that unit's name, when it still exists"),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});

export const listAudit = route({
  method: 'GET',
  url: '/programmes/:programmeId/audit',
  tags: ['audit'],
  summary: 'The audit log of a programme, newest first, scoped to your subtrees',
  params: programmeParams,
  querystring: pageQuery.extend({
    entity: z.string().optional(),
    entityKey: z.string().optional(),
    userId: recordIdParam.optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  }),
  response: { 200: page(auditEntry) },
});
