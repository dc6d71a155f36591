import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/invoices.ts';
import { approveInvoices } from '../../domain/invoices/approveInvoices.ts';
import { explainInvoice } from '../../domain/invoices/explainInvoice.ts';
import { invoiceDetail } from '../../domain/invoices/invoiceDetail.ts';
import { listInvoices } from '../../domain/invoices/listInvoices.ts';
import { rejectInvoice } from '../../domain/invoices/rejectInvoice.ts';
import { invoiceFundersParts } from '../../domain/payments/fundersParts.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

export async function invoiceRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(contract.listInvoices.url, { config: { authority: 'read' }, schema: schemaOf(contract.listInvoices) }, async (request) => {
    const { limit, offset } = request.query;
    const { items, total } = await listInvoices(db, actorOf(request), { programmeId: request.params.programmeId, ...request.query });
    return { items, total, limit, offset };
  });

  r.get(contract.getInvoice.url, { config: { authority: 'read' }, schema: schemaOf(contract.getInvoice) }, async (request) =>
    invoiceDetail(db, actorOf(request), request.params.programmeId, request.params.invoiceId),
  );

  r.post(contract.invoiceFundersParts.url, { config: { authority: 'read' }, schema: schemaOf(contract.invoiceFundersParts) }, async (request) =>
    invoiceFundersParts(db, actorOf(request), { programmeId: request.params.programmeId, invoiceIds: request.body.invoiceIds }),
  );

  r.post(contract.approveInvoices.url, { config: { authority: 'invoice.approve' }, schema: schemaOf(contract.approveInvoices) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'invoice.approve');
    return inTransaction(database, (tx) => approveInvoices(tx, actor, { programmeId, ...request.body }));
  });

  r.post(
    contract.rejectInvoice.url,
    {
      config: { authority: 'invoice.approve' },
      schema: {
        ...schemaOf(contract.rejectInvoice),
        description: 'Needs invoice.approve on the unit. An approved, ordered or paid invoice answers 409 INVALID_STATE: it is corrected by an adjustment on a later invoice.',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, invoiceId } = request.params;
      await authorize(db, actor, programmeId, 'invoice.approve');
      return inTransaction(database, (tx) => rejectInvoice(tx, actor, { programmeId, invoiceId, reason: request.body.reason }));
    },
  );

  r.get(contract.invoiceProvenance.url, { config: { authority: 'read' }, schema: schemaOf(contract.invoiceProvenance) }, async (request) => {
    const { programmeId, invoiceId } = request.params;
    return explainInvoice(db, actorOf(request), { programmeId, invoiceId, ...request.query });
  });
}
