import { api, query } from '../api/client.ts';
import type { readSheet, writeValue } from '../../../src/contract/api/dataValues.ts';
import type { showVersion } from '../../../src/contract/api/programmes.ts';
import type { listWorkflow } from '../../../src/contract/api/workflow.ts';
import type { Answer, Body } from '../../../src/contract/http.ts';
import type { StoredValue, Write } from './offline/outbox.ts';

/** The API answers the field screens read (the sheet's read off the contract, src/contract/api/dataValues.ts), and their react-query keys. */
export type UnitValues = Answer<typeof readSheet>;
/** A package with its workflow period (the quarter holding a month, for a quarterly package) and its frozen inputs. */
export type PackageStatus = UnitValues['packages'][number];

/** A package of a facility in the workflow list the verifier picks visits from. */
export type VisitLines = Answer<typeof listWorkflow>;
export type VisitLine = VisitLines['items'][number];
/** A version of the rules with its definition (the rules a sheet was entered under). */
export type VersionDetail = Answer<typeof showVersion>;

export const fieldKeys = {
  /** Every sheet of a facility: prefix of the keys below. */
  unit: (programmeId: string, orgUnit: string) => ['field-values', programmeId, orgUnit] as const,
  values: (programmeId: string, orgUnit: string, period: string, pkg?: string) =>
    ['field-values', programmeId, orgUnit, period, ...(pkg ? [pkg] : [])] as const,
  visits: (programmeId: string) => ['field-visits', programmeId] as const,
  version: (programmeId: string, version: number) => ['field-version', programmeId, version] as const,
  orgUnit: (programmeId: string, orgUnit: string) => ['field-unit', programmeId, orgUnit] as const,
};

const base = (programmeId: string) => `/api/programmes/${encodeURIComponent(programmeId)}`;
const segments = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export function getUnitValues(programmeId: string, orgUnit: string, period: string, pkg?: string): Promise<UnitValues> {
  return api.get<UnitValues>(`${base(programmeId)}/data-values${query({ orgUnitId: orgUnit, period, package: pkg })}`);
}

/** Sends one outbox entry: a value over the version read, or a workflow step. */
export async function sendWrite(programmeId: string, write: Write): Promise<StoredValue | undefined> {
  if (write.kind === 'step') {
    await api.post(`${base(programmeId)}/workflow/${segments(write.orgUnit, write.period, write.package, write.step)}`);
    return undefined;
  }
  const path = `${base(programmeId)}/data-values/${segments(write.orgUnit, write.period, write.activity, write.state)}`;
  const body: Body<typeof writeValue> = { value: write.value, package: write.package, ...(write.baseVersion ? { version: write.baseVersion } : {}) };
  return api.put<Answer<typeof writeValue>>(path, body);
}

/** A sheet with one value as the server now stores it. */
export function withStored(sheet: UnitValues, stored: StoredValue): UnitValues {
  const same = (value: StoredValue) => value.activity === stored.activity && value.state === stored.state && value.period === stored.period;
  const exists = sheet.values.some(same);
  return { ...sheet, values: exists ? sheet.values.map((value) => (same(value) ? stored : value)) : [...sheet.values, stored] };
}
