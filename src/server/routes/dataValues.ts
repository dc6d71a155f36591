import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importDataValues } from '../../domain/dataValues/importDataValues.ts';
import { startDataImport } from '../../domain/dataValues/startDataImport.ts';
import type { JobRunner } from '../../domain/jobs/jobRunner.ts';
import { dataImportJobView } from '../../domain/jobs/readJobs.ts';
import { IMPORT_LIMITS } from '../../contract/importLimits.ts';
import { readDataValues } from '../../domain/dataValues/readDataValues.ts';
import { actionForState } from '../../domain/dataValues/states.ts';
import { writeDataValue } from '../../domain/dataValues/writeDataValue.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorBody } from '../../contract/api/common.ts';
import { importValues, readSheet, writeValue } from '../../contract/api/dataValues.ts';
import { schemaOf } from '../contractCheck.ts';
import { importJsonParser } from './importJson.ts';

/** Writing values needs a role that writes some state; each value is then checked for its own state and unit. */
const WRITE_ACTIONS: readonly Action[] = ['data.declare', 'data.verify', 'data.validate'];


export async function dataValueRoutes(app: FastifyInstance, { database, jobs }: { database: Database; jobs: JobRunner }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  r.get(readSheet.url, { config: { authority: 'read' }, schema: schemaOf(readSheet) }, async (request) => {
    const { programmeId } = request.params;
    const { orgUnitId, period, package: pkg } = request.query;
    await authorize(db, actorOf(request), programmeId, 'read', orgUnitId);
    return readDataValues(db, { programmeId, orgUnit: orgUnitId, period, package: pkg });
  });

  const writeSchema = schemaOf(writeValue);
  r.put(
    writeValue.url,
    { config: { authority: WRITE_ACTIONS }, schema: { ...writeSchema, response: { ...writeSchema.response, 423: errorBody } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId, orgUnitId, period, activity, state } = request.params;
      await authorize(db, actor, programmeId, actionForState(state), orgUnitId);
      const { stored, created } = await writeDataValue(db, actor, { programmeId, orgUnit: orgUnitId, period, activity, state, ...request.body });
      return reply.status(created ? 201 : 200).send(stored);
    },
  );

  await app.register(importRoute, { database, jobs });
}

/**
 * The import, in a context of its own: it takes large bodies, under a limit of its own
 * (limits.ts), and counts JSON before parsing it (importJson.ts). A dry run answers its report;
 * an import is checked here and written by a job (startDataImport), answered 202.
 */
async function importRoute(app: FastifyInstance, { database, jobs }: { database: Database; jobs: JobRunner }) {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, importJsonParser(app));
  const importSchema = schemaOf(importValues);
  app.withTypeProvider<ZodTypeProvider>().post(
    importValues.url,
    {
      bodyLimit: IMPORT_LIMITS.bodyBytes,
      config: { authority: WRITE_ACTIONS },
      schema: { ...importSchema, response: { ...importSchema.response, 413: errorBody, 422: errorBody } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { dryRun, partial } = request.query;
      if (dryRun) return inTransaction(database, (tx) => importDataValues(tx, actor, { programmeId, source: request.body, dryRun, partial }));
      const job = await startDataImport(database, jobs, actor, { programmeId, source: request.body, partial });
      return reply.status(202).send({ job: dataImportJobView(job) });
    },
  );
}
