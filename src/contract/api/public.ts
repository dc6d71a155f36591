import { z } from 'zod';
import { route } from '../http.ts';
import { FIRST_YEAR, LAST_YEAR } from '../periodBounds.ts';
import { programmeParams } from './common.ts';

export const publicResults = z.object({
  programme: z.object({ id: z.string(), name: z.string(), currency: z.string(), currencyDecimals: z.number() }),
  items: z.array(
    z.object({
      provinceId: z.string(),
      provinceName: z.string(),
      quarter: z.string(),
      approved: z.number(),
      paid: z.number(),
      quality: z.number().nullable(),
      facilities: z.number(),
    }),
  ),
});

/** The transparency page's data: open to everyone, aggregated, published figures only. */
export const publishedResults = route({
  method: 'GET',
  url: '/public/programmes/:programmeId/results',
  tags: ['public'],
  summary: 'Published results without signing in: per province and quarter, amounts approved and paid, average quality score',
  params: programmeParams,
  querystring: z.object({ year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR).optional() }),
  response: { 200: publicResults },
});
