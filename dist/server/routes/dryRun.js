import { z } from 'zod';
import { dryRunProgramme } from "../../domain/invoices/dryRun.js";
import { authorize } from "../../domain/scope.js";
import { actorOf } from "../auth/plugin.js";
import { entryPeriod, errorBody, errorResponses, programmeParams } from "./common.js";
const change = z.object({
    orgUnitId: z.string(),
    name: z.string(),
    payment: z.string(),
    current: z.string().nullable(),
    draft: z.string().nullable(),
    delta: z.string(),
});
export async function dryRunRoutes(app, { database }) {
    app.withTypeProvider().post('/programmes/:programmeId/dry-run', {
        config: { authority: 'rules.try' },
        schema: {
            tags: ['programmes'],
            summary: 'How draft rules would move each facility’s payment in a subtree and period (nothing is written)',
            params: programmeParams,
            body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, definition: z.unknown() }),
            response: {
                200: z.object({
                    period: z.string(),
                    version: z.number(),
                    changes: z.array(change).readonly(),
                    unchanged: z.number(),
                    totals: z.object({ current: z.string(), draft: z.string(), delta: z.string() }),
                }),
                422: errorBody,
                ...errorResponses,
            },
        },
    }, async (request) => {
        const actor = actorOf(request);
        const { programmeId } = request.params;
        await authorize(database.db, actor, programmeId, 'rules.try', request.body.orgUnitId);
        return dryRunProgramme(database.db, actor, { programmeId, ...request.body });
    });
}
//# sourceMappingURL=dryRun.js.map