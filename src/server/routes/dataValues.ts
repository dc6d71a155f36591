import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importDataValues } from '../../domain/dataValues/importDataValues.ts';
import { IMPORT_LIMITS } from '../../domain/dataValues/limits.ts';
import { readDataValues } from '../../domain/dataValues/readDataValues.ts';
import { actionForState } from '../../domain/dataValues/states.ts';
import { writeDataValue } from '../../domain/dataValues/writeDataValue.ts';
import type { Action } from '../../domain/permissions.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorBody, errorResponses, programmeParams } from '../../contract/api/common.ts';
import { readSheet, writeValue } from '../../contract/api/dataValues.ts';
import { schemaOf } from '../contractCheck.ts';
import { importJsonParser } from './importJson.ts';

const rowError = z.object({
  row: z.number().describe('the CSV line (the header is line 1), or the position in the JSON array from 1'),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

const importReport = z.object({
  dryRun: z.boolean(),
  partial: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number().describe('rows with errors, not written'),
  errors: z.array(rowError),
});

/** Writing values needs a role that writes some state; each value is then checked for its own state and unit. */
const WRITE_ACTIONS: readonly Action[] = ['data.declare', 'data.verify', 'data.validate'];


export async function dataValueRoutes(app: FastifyInstance, { database }: { database: Database }) {
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

  await app.register(importRoute, { database });
}

/**
 * The import, in a context of its own: it takes large bodies, under a limit of its own
 * (limits.ts), and counts JSON before parsing it (importJson.ts).
 */
async function importRoute(app: FastifyInstance, { database }: { database: Database }) {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, importJsonParser(app));
  app.withTypeProvider<ZodTypeProvider>().post(
    '/programmes/:programmeId/data-values/import',
    {
      bodyLimit: IMPORT_LIMITS.bodyBytes,
      config: { authority: WRITE_ACTIONS },
      schema: {
        tags: ['data values'],
        summary: 'Import values from JSON rows or CSV text (content type text/csv; header orgUnit,period,activity,state,value[,package])',
        description:
          'All or nothing: any row error answers 400 with every row error and writes nothing, unless partial=true, which writes the good rows. ' +
          'dryRun=true reports what would be created, updated or left unchanged without writing. Re-importing the same rows changes nothing. ' +
          `At most ${IMPORT_LIMITS.rows} rows (413 IMPORT_TOO_LARGE), ${IMPORT_LIMITS.periods} distinct periods (422 IMPORT_TOO_MANY_PERIODS) ` +
          `and ${IMPORT_LIMITS.bodyBytes} bytes (413 BODY_TOO_LARGE).`,
        consumes: ['application/json', 'text/csv'],
        params: programmeParams,
        querystring: z.object({ dryRun: z.stringbool().default(false), partial: z.stringbool().default(false) }),
        body: z.union([
          z.array(z.unknown()).describe('rows {orgUnit, period, activity, state, value, package?}'),
          z.string().describe('CSV text'),
        ]),
        response: { 200: importReport, 413: errorBody, 422: errorBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      return inTransaction(database, (tx) => importDataValues(tx, actor, { programmeId, source: request.body, ...request.query }));
    },
  );
}
