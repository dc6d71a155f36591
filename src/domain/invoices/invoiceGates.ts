import type { Db, Tx } from '../../store/database.ts';
import { versionByNumber, type ProgrammeVersion } from '../programmes.ts';
import type { StatusKey } from './advanceStatus.ts';
import { invoicePeriod, packagePeriods } from './periods.ts';

export interface InvoiceScope {
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly programmeVersion: number;
}

/** The facilities' package periods that invoices pay, read from the version each invoice used. */
export async function invoiceGates(db: Db | Tx, programmeId: string, invoices: readonly InvoiceScope[]): Promise<StatusKey[]> {
  const versions = new Map<number, ProgrammeVersion>();
  for (const number of new Set(invoices.map((invoice) => invoice.programmeVersion))) {
    versions.set(number, await versionByNumber(db, programmeId, number));
  }
  return invoices.flatMap((invoice) =>
    packagePeriods(versions.get(invoice.programmeVersion)!.program, invoice.payment, invoicePeriod(invoice.period)).map((gate) => ({
      orgUnitId: invoice.orgUnitId,
      ...gate,
    })),
  );
}
