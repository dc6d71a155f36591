import { z } from 'zod';

/** The answer of the previews a confirmation shows before money moves (src/domain/payments/fundersParts.ts). */
export const fundersPartsSchema = z.object({
  invoices: z.number(),
  total: z.string(),
  funders: z.array(z.object({ funderId: z.string(), amount: z.string(), invoices: z.number() })).readonly(),
  unsplit: z.array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), message: z.string() })).readonly(),
});
