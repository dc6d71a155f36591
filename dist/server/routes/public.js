import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from "../../domain/periodBounds.js";
import { publicResults } from "../../domain/dashboards/publicResults.js";
import { errorResponses, programmeParams } from "./common.js";
import { dashboardSchemas } from "./dashboardSchemas.js";
/** The transparency page's data: open to everyone, aggregated, published figures only. */
export async function publicRoutes(app, { database }) {
    app.withTypeProvider().get('/public/programmes/:programmeId/results', {
        config: { authority: 'public' },
        schema: {
            tags: ['public'],
            summary: 'Published results without signing in: per province and quarter, amounts approved and paid, average quality score',
            security: [],
            params: programmeParams,
            querystring: z.object({ year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR).optional() }),
            response: { 200: dashboardSchemas.publicResults, ...errorResponses },
        },
    }, async (request) => publicResults(database.db, request.params.programmeId, request.query.year));
}
//# sourceMappingURL=public.js.map