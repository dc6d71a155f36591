import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/invoices.ts';
import { explainAdjustment } from '../../domain/adjustments/explainAdjustment.ts';
import { listCorrections } from '../../domain/adjustments/listCorrections.ts';
import { recordCorrection } from '../../domain/adjustments/recordCorrection.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

export async function adjustmentRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(
    contract.recordCorrection.url,
    {
      config: { authority: 'period.correct' },
      schema: {
        ...schemaOf(contract.recordCorrection),
        description:
          'Needs period.correct (the committee) on the unit. Nothing validated or paid changes. A package period not yet approved answers 409 INVALID_STATE naming its state: correct it through the workflow.',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'period.correct', request.body.orgUnitId);
      return inTransaction(database, (tx) => recordCorrection(tx, actor, { programmeId, ...request.body }));
    },
  );

  r.get(contract.listCorrections.url, { config: { authority: 'read' }, schema: schemaOf(contract.listCorrections) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'read', request.query.orgUnitId);
    const { items, total } = await listCorrections(db, actor, { programmeId, ...request.query });
    return { items, total, limit: request.query.limit, offset: request.query.offset };
  });

  r.get(contract.adjustmentProvenance.url, { config: { authority: 'read' }, schema: schemaOf(contract.adjustmentProvenance) }, async (request) =>
    explainAdjustment(db, actorOf(request), request.params),
  );
}
