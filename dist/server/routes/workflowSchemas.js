import { z } from 'zod';
import { workflowStatus } from "../../store/schema.js";
/** Response and parameter schemas shared by the data-value and workflow routes. */
export const userRef = z.object({ id: z.number(), username: z.string(), name: z.string() }).nullable();
export const statusSchema = z.enum(workflowStatus.enumValues);
export const packageStatus = z.object({
    package: z.string(),
    period: z.string().describe('the period the package is tracked in: a quarterly package reads months, locked with their quarter'),
    status: statusSchema,
    locked: z.boolean(),
    version: z.number().describe('0 while open'),
    updatedBy: userRef,
    updatedAt: z.date().nullable(),
});
//# sourceMappingURL=workflowSchemas.js.map