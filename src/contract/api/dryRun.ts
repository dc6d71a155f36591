import { z } from 'zod';
import { route } from '../http.ts';
import { entryPeriod, programmeParams } from './common.ts';

/** How one facility's payment would move under the draft rules. */
export const dryRunChange = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  payment: z.string(),
  current: z.string().nullable(),
  draft: z.string().nullable(),
  delta: z.string(),
});

export const dryRun = route({
  method: 'POST',
  url: '/programmes/:programmeId/dry-run',
  tags: ['programmes'],
  summary: 'How draft rules would move each facility’s payment in a subtree and period (nothing is written)',
  params: programmeParams,
  body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, definition: z.unknown() }),
  response: {
    200: z.object({
      period: z.string(),
      version: z.number(),
      changes: z.array(dryRunChange).readonly(),
      unchanged: z.number(),
      totals: z.object({ current: z.string(), draft: z.string(), delta: z.string() }),
    }),
  },
});
