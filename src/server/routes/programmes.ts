import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PROGRAMME_BODY_LIMIT, createProgrammeRoute, listProgrammes, listVersions, saveVersion, showVersion } from '../../contract/api/programmes.ts';
import { programmesOf, versionsPage } from '../../domain/programmeReads.ts';
import { createProgramme, previewVersion, saveProgrammeVersion, versionByNumber } from '../../domain/programmes.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

export async function programmeRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(listProgrammes.url, { config: { authority: 'session' }, schema: schemaOf(listProgrammes) }, async (request) => programmesOf(db, actorOf(request)));

  r.post(createProgrammeRoute.url, { config: { authority: 'platform' }, schema: schemaOf(createProgrammeRoute) }, async (request, reply) => {
    await inTransaction(database, (tx) => createProgramme(tx, actorOf(request), request.body));
    return reply.status(201).send(request.body);
  });

  r.get(listVersions.url, { config: { authority: 'read' }, schema: schemaOf(listVersions) }, async (request) => {
    const { programmeId } = request.params;
    await authorize(db, actorOf(request), programmeId, 'read');
    return versionsPage(db, programmeId, request.query);
  });

  r.post(saveVersion.url, { config: { authority: 'rules.write' }, bodyLimit: PROGRAMME_BODY_LIMIT, schema: schemaOf(saveVersion) }, async (request, reply) => {
    const { programmeId } = request.params;
    if (request.query.dryRun) return reply.status(200).send({ dryRun: true as const, reach: await previewVersion(db, programmeId, request.body) });
    const saved = await inTransaction(database, (tx) => saveProgrammeVersion(tx, actorOf(request), programmeId, request.body));
    return reply.status(201).send({ version: saved.version, effectiveFrom: saved.effectiveFrom, hash: saved.hash, reach: saved.reach });
  });

  r.get(showVersion.url, { config: { authority: 'read' }, schema: schemaOf(showVersion) }, async (request) => {
    const { programmeId, version } = request.params;
    await authorize(db, actorOf(request), programmeId, 'read');
    const found = await versionByNumber(db, programmeId, version);
    return { version: found.version, effectiveFrom: found.effectiveFrom, hash: found.hash, definition: found.program };
  });
}
