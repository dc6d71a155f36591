import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/dashboards.ts';
import * as dashboards from '../../domain/dashboards/reads.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';

/** Read-only aggregates for the dashboards (src/domain/dashboards/reads.ts), each over a subtree and a range of months. */
export async function dashboardRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const config = { authority: 'read' } as const;

  r.get(contract.dashboardPeriods.url, { config, schema: schemaOf(contract.dashboardPeriods) }, async (request) =>
    dashboards.dashboardPeriods(db, actorOf(request), request.params.programmeId),
  );
  r.get(contract.quantityOverTime.url, { config, schema: schemaOf(contract.quantityOverTime) }, async (request) =>
    dashboards.quantityDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.quantityByUnit.url, { config, schema: schemaOf(contract.quantityByUnit) }, async (request) =>
    dashboards.quantityByUnitDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.qualityOverTime.url, { config, schema: schemaOf(contract.qualityOverTime) }, async (request) =>
    dashboards.qualityDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.rankings.url, { config, schema: schemaOf(contract.rankings) }, async (request) =>
    dashboards.rankingsDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.qualityVsQuantity.url, { config, schema: schemaOf(contract.qualityVsQuantity) }, async (request) =>
    dashboards.qualityVsQuantityDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.paymentsOverTime.url, { config, schema: schemaOf(contract.paymentsOverTime) }, async (request) =>
    dashboards.paymentsDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.paymentDelays.url, { config, schema: schemaOf(contract.paymentDelays) }, async (request) =>
    dashboards.paymentDelaysDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.budgetBurnOfYear.url, { config, schema: schemaOf(contract.budgetBurnOfYear) }, async (request) =>
    dashboards.budgetBurnDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
  r.get(contract.reportingByMonth.url, { config, schema: schemaOf(contract.reportingByMonth) }, async (request) =>
    dashboards.reportingDashboard(db, actorOf(request), request.params.programmeId, request.query),
  );
}
