import { z } from 'zod';
import { listAudit } from "../../domain/auditReads.js";
import { actorOf } from "../auth/plugin.js";
import { errorResponses, page, pageQuery, programmeParams, recordIdParam } from "./common.js";
const entry = z.object({
    id: z.number(),
    at: z.date(),
    user: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityKey: z.string(),
    orgUnitId: z.string().nullable().describe('the unit the change is about; none for programme-wide changes'),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().nullable(),
});
/** The audit log of a programme, newest first, for auditors, admins and designers, scoped to their subtrees. */
export async function auditRoutes(app, { database }) {
    app.withTypeProvider().get('/programmes/:programmeId/audit', {
        config: { authority: 'audit.read' },
        schema: {
            tags: ['audit'],
            params: programmeParams,
            querystring: pageQuery.extend({
                entity: z.string().optional(),
                entityKey: z.string().optional(),
                userId: recordIdParam.optional(),
                from: z.coerce.date().optional(),
                to: z.coerce.date().optional(),
            }),
            response: { 200: page(entry), ...errorResponses },
        },
    }, async (request) => listAudit(database.db, actorOf(request), { programmeId: request.params.programmeId, ...request.query }));
}
//# sourceMappingURL=audit.js.map