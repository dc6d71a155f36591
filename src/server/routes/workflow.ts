import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  declareStep,
  listWorkflow,
  returnDeclarationStep,
  returnVerificationStep,
  unlockStep,
  validateStep,
  verifyStep,
} from '../../contract/api/workflow.ts';
import { authorize } from '../../domain/scope.ts';
import { listStatuses } from '../../domain/workflow/listStatuses.ts';
import { moveStep } from '../../domain/workflow/moveStep.ts';
import { STEPS, type StepName } from '../../domain/workflow/steps.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

const STEP_ROUTES = {
  declare: declareStep,
  verify: verifyStep,
  validate: validateStep,
  'return-declaration': returnDeclarationStep,
  'return-verification': returnVerificationStep,
  unlock: unlockStep,
} as const satisfies Record<StepName, unknown>;

export async function workflowRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(listWorkflow.url, { config: { authority: 'read' }, schema: schemaOf(listWorkflow) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'read', request.query.root);
    const { items, total } = await listStatuses(db, actor, { programmeId, ...request.query });
    return { items, total, limit: request.query.limit, offset: request.query.offset };
  });

  for (const [step, contract] of Object.entries(STEP_ROUTES) as [StepName, (typeof STEP_ROUTES)[StepName]][]) {
    // The role is checked here; the unit's subtree and the status by the use case, with the policy the lines carry.
    r.post(contract.url, { config: { authority: STEPS[step].action }, schema: schemaOf(contract) }, async (request) => {
      const { programmeId, orgUnitId, period, package: pkg } = request.params;
      return inTransaction(database, (tx) =>
        moveStep(tx, actorOf(request), { programmeId, orgUnit: orgUnitId, period, package: pkg, step, reason: request.body?.reason }),
      );
    });
  }
}
