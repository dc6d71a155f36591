import { z } from 'zod';
import { route } from '../http.ts';
import { page, pageQuery, planningPeriod, programmeParams, recordIdParam } from './common.ts';

/** What the signed-in user may do with a funder or a share (src/domain/policies/funder.ts): national designers manage them. */
export const funderPolicies = z.object({ manage: z.boolean() });

export const funder = z.object({ id: z.string(), name: z.string(), policies: funderPolicies });

export const funderShare = z.object({
  id: z.number(),
  funderId: z.string(),
  orgUnitId: z.string(),
  payment: z.string().nullable(),
  share: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  policies: funderPolicies,
});

/** A decimal given as text ("0.6") or a JSON number. */
const decimal = z.union([z.string(), z.number()]).transform(String);
const shareParams = programmeParams.extend({ shareId: recordIdParam });

export const listFunders = route({
  method: 'GET',
  url: '/programmes/:programmeId/funders',
  tags: ['funders'],
  summary: 'The programme’s funders',
  params: programmeParams,
  response: { 200: z.array(funder) },
});

export const createFunder = route({
  method: 'POST',
  url: '/programmes/:programmeId/funders',
  tags: ['funders'],
  summary: 'Add a funder (programme designer)',
  params: programmeParams,
  body: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]+$/), name: z.string().min(1) }),
  response: { 201: funder },
});

export const renameFunder = route({
  method: 'PATCH',
  url: '/programmes/:programmeId/funders/:funderId',
  tags: ['funders'],
  summary: 'Rename a funder (programme designer)',
  params: programmeParams.extend({ funderId: z.string() }),
  body: z.object({ name: z.string().min(1), reason: z.string().optional() }),
  response: { 200: funder },
});

export const listShares = route({
  method: 'GET',
  url: '/programmes/:programmeId/funder-shares',
  tags: ['funders'],
  summary: 'Funder shares: which funder pays which fraction of a subtree’s payments, and when (those of the reader’s subtrees and of the units above them)',
  params: programmeParams,
  querystring: pageQuery.extend({ funderId: z.string().optional(), orgUnitId: z.string().optional() }),
  response: { 200: page(funderShare) },
});

export const addShare = route({
  method: 'POST',
  url: '/programmes/:programmeId/funder-shares',
  tags: ['funders'],
  summary: 'Give a funder a share of a subtree’s payments, optionally of one payment, from a period on (programme designer)',
  params: programmeParams,
  body: z.object({
    funderId: z.string().min(1),
    orgUnitId: z.string().min(1),
    payment: z.string().min(1).nullable().optional(),
    share: decimal,
    validFrom: planningPeriod,
    validTo: planningPeriod.nullable().optional(),
  }),
  response: { 201: funderShare },
});

export const endShare = route({
  method: 'PATCH',
  url: '/programmes/:programmeId/funder-shares/:shareId',
  tags: ['funders'],
  summary: 'Set the last period of a share (programme designer)',
  params: shareParams,
  body: z.object({ validTo: planningPeriod, reason: z.string().max(2000).optional() }),
  response: { 200: funderShare },
});

export const removeShare = route({
  method: 'DELETE',
  url: '/programmes/:programmeId/funder-shares/:shareId',
  tags: ['funders'],
  summary: 'Delete a share entered by mistake, with a reason (programme designer); orders already made keep their lines',
  params: shareParams,
  body: z.object({ reason: z.string().min(1) }),
  response: { 204: z.null() },
});
