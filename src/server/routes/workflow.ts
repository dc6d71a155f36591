import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listStatuses } from '../../domain/workflow/listStatuses.ts';
import { moveStep } from '../../domain/workflow/moveStep.ts';
import { STEPS, STEP_NAMES, isLocked, type StepName } from '../../domain/workflow/steps.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { entryPeriod, errorResponses, packageStatus, page, pageQuery, programmeParams, statusSchema } from '../../contract/api/common.ts';

const statusLine = packageStatus.extend({ orgUnit: z.string(), orgUnitName: z.string() });
const movedStatus = packageStatus.extend({ orgUnit: z.string() });

const SUMMARIES: Record<StepName, string> = {
  declare: 'The clerk marks the declaration complete (open → declared)',
  verify: 'The verifier marks the verification done (declared → verified)',
  validate: 'The validation committee validates, locking the values (verified → validated)',
  'return-declaration': 'The verifier returns a declaration to the clerk, with a reason (declared → open): the declared values can change again',
  'return-verification': 'The validation committee returns a verification to the verifier, with a reason (verified → declared)',
  unlock: 'The validation committee reopens a validated period, with a reason (validated → verified)',
};

export async function workflowRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes/:programmeId/workflow',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['workflow'],
        summary: 'Where each facility’s packages stand for a period, in a subtree (the user’s scope by default)',
        params: programmeParams,
        querystring: pageQuery.extend({
          period: entryPeriod,
          root: z.string().min(1).optional().describe('the subtree’s root org unit'),
          package: z.string().min(1).optional(),
          status: statusSchema.optional(),
        }),
        response: { 200: page(statusLine), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'read', request.query.root);
      const { items, total } = await listStatuses(db, actor, { programmeId, ...request.query });
      return { items, total, limit: request.query.limit, offset: request.query.offset };
    },
  );

  for (const step of STEP_NAMES) {
    r.post(
      `/programmes/:programmeId/workflow/:orgUnitId/:period/:package/${step}`,
      {
        config: { authority: STEPS[step].action },
        schema: {
          tags: ['workflow'],
          summary: SUMMARIES[step],
          description: `Needs '${STEPS[step].action}' on the unit. From any status but ${STEPS[step].from}: 409 INVALID_STATE naming the current status.`,
          params: programmeParams.extend({ orgUnitId: z.string().min(1), period: entryPeriod, package: z.string().min(1) }),
          body: z
            .object({ reason: z.string().max(2000).optional().describe(STEPS[step].needsReason ? 'required' : 'recorded in the audit log') })
            .nullish(),
          response: { 200: movedStatus, ...errorResponses },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { programmeId, orgUnitId, period, package: pkg } = request.params;
        await authorize(db, actor, programmeId, STEPS[step].action, orgUnitId);
        const moved = await inTransaction(database, (tx) =>
          moveStep(tx, actor, { programmeId, orgUnit: orgUnitId, period, package: pkg, step, reason: request.body?.reason }),
        );
        return { ...moved, locked: isLocked(moved.status) };
      },
    );
  }
}
