import { desc, eq } from 'drizzle-orm';
import { checkProgram, describeError, loadProgram, parsePeriod, type CheckedProgram, type EngineError, type Program } from '../engine/index.ts';
import type { Db, Tx } from '../store/database.ts';
import { keptBy, kept } from '../store/machinery.ts';
import { orgUnits, programmeVersions, programmes } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { Expiring } from './cache.ts';
import { AppError, errors } from './errors.ts';
import { reachesBack, versionReach, type VersionReach } from './versionReach.ts';

export interface ProgrammeVersion {
  readonly programmeId: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly hash: string;
  readonly program: Program;
}

export async function createProgramme(
  tx: Tx,
  actor: Actor | null,
  input: { id: string; name: string; currency: string; currencyDecimals: number },
) {
  const [existing] = await tx.select().from(programmes).where(eq(programmes.id, input.id));
  if (existing) throw errors.conflict(`programme '${input.id}' already exists`);
  await tx.insert(programmes).values(input);
  await recordAudit(tx, { programmeId: input.id, userId: actor?.userId ?? null, action: 'create', entity: 'programme', entityKey: input.id, orgUnitId: null, newValue: input });
}

/** Engine errors as API details: location and message. */
export function engineDetails(problems: readonly EngineError[]) {
  return problems.map((problem) => ({ code: problem.code, at: problem.at, message: describeError(problem) }));
}

export interface NewVersion {
  readonly definition: unknown;
  readonly effectiveFrom: string;
  readonly note?: string;
  /** Saves a version reaching back to periods already validated or invoiced (see versionReach). */
  readonly confirmReachBack?: boolean;
  /** Why it reaches back; required then, and audited. */
  readonly reason?: string;
}

/**
 * What saving a version would do, without saving it: the engine's check, then the periods
 * already validated or invoiced it would reach back to and the invoices it would reprice.
 */
export async function previewVersion(db: Db | Tx, programmeId: string, input: NewVersion): Promise<VersionReach> {
  checkEffectiveFrom(input.effectiveFrom);
  await checkedProgram(db, programmeId, input.definition);
  return versionReach(db, programmeId, input.effectiveFrom);
}

/**
 * Saves a new version of the rules, effective from a period. It is checked by the engine
 * against the programme's org units first; a faulty programme is refused with every error.
 * One that reaches back to periods already validated or invoiced — repricing their prepared
 * invoices at the next run; approved and paid ones never change — is refused with what it
 * would reprice unless confirmed with a reason.
 */
export async function saveProgrammeVersion(tx: Tx, actor: Actor, programmeId: string, input: NewVersion): Promise<ProgrammeVersion & { reach: VersionReach }> {
  checkEffectiveFrom(input.effectiveFrom);
  const program = await checkedProgram(tx, programmeId, input.definition);
  const reach = await versionReach(tx, programmeId, input.effectiveFrom);
  const reason = input.reason?.trim();
  if (reachesBack(reach)) checkReachConfirmed(input, reach, reason);
  const [latest] = await tx
    .select({ version: programmeVersions.version })
    .from(programmeVersions)
    .where(eq(programmeVersions.programmeId, programmeId))
    .orderBy(desc(programmeVersions.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const hash = sha256(canonicalJson(program));
  keptBy(tx, VERSIONS).forgetChanged(tx, (key) => key === programmeId);
  await tx.insert(programmeVersions).values({
    programmeId,
    version,
    effectiveFrom: input.effectiveFrom,
    definition: program,
    hash,
    note: input.note ?? '',
    createdBy: actor.userId,
  });
  await recordAudit(tx, {
    programmeId,
    userId: actor.userId,
    action: 'create',
    entity: 'programme_version',
    entityKey: `${programmeId}@${version}`,
    orgUnitId: null,
    newValue: {
      version,
      effectiveFrom: input.effectiveFrom,
      hash,
      ...(reachesBack(reach) ? { reachesBack: { periods: reach.periods, repriced: reach.repricedCount, unchanged: reach.unchangedCount } } : {}),
    },
    ...(reason || input.note ? { reason: reason || input.note } : {}),
  });
  return { programmeId, version, effectiveFrom: input.effectiveFrom, hash, program, reach };
}

function checkEffectiveFrom(effectiveFrom: string): void {
  if (!parsePeriod(effectiveFrom)) throw errors.validation(`effectiveFrom: '${effectiveFrom}' is not a DHIS2 period`, [{ at: 'effectiveFrom' }]);
}

function checkReachConfirmed(input: NewVersion, reach: VersionReach, reason: string | undefined): void {
  if (!input.confirmReachBack) {
    const periods = reach.periods.slice(0, 6).join(', ') + (reach.periods.length > 6 ? ` and ${reach.periods.length - 6} more` : '');
    throw new AppError(
      409,
      'VERSION_REACHES_BACK',
      `a version effective from ${input.effectiveFrom} reaches back to periods already validated or invoiced (${periods}): ` +
        `${reach.repricedCount} prepared invoices would be repriced at their next run, ${reach.unchangedCount} approved or paid ones stay as they are; ` +
        'confirm with confirmReachBack and a reason',
      reach,
    );
  }
  if (!reason) throw errors.validation('reason: say why this version reaches back to periods already validated or invoiced', [{ at: 'reason' }]);
}

/**
 * Validates a definition with the engine, naming every error; attributes come from the org
 * units. What it returns names every payment's amount formula (see withNamedAmounts).
 */
export async function checkedProgram(db: Db | Tx, programmeId: string, definition: unknown): Promise<Program> {
  const loaded = loadProgram(definition);
  if (!loaded.program) throw errors.unprocessable('PROGRAMME_INVALID', 'the programme is invalid', engineDetails(loaded.errors));
  const attributeNames = await programmeAttributes(db, programmeId);
  const checked = checkProgram(loaded.program, attributeNames);
  if (!checked.checked) throw errors.unprocessable('PROGRAMME_INVALID', 'the programme has formula errors', engineDetails(checked.errors));
  return withNamedAmounts(checked.checked);
}

/**
 * The programme with `amount` written on every payment that has formulas: a definition
 * naming none (an older client, a file written before the field) is saved with the formula
 * the old rule pays, so every version saved from now on says what it pays (decision 0017).
 */
function withNamedAmounts({ program, payments }: CheckedProgram): Program {
  const named = payments.map(({ payment, amount }) => (payment.amount !== undefined || amount === undefined ? payment : { ...payment, amount }));
  return { ...program, payments: named };
}

async function programmeAttributes(db: Db | Tx, programmeId: string): Promise<string[]> {
  const rows = await db.select({ attributes: orgUnits.attributes }).from(orgUnits).where(eq(orgUnits.programmeId, programmeId));
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.attributes)) names.add(name);
  return [...names].sort();
}

/** The version in force for a period: the latest whose effective period starts no later. */
export async function versionFor(db: Db | Tx, programmeId: string, period: string): Promise<ProgrammeVersion> {
  if (!parsePeriod(period)) throw errors.validation(`period: '${period}' is not a DHIS2 period`, [{ at: 'period' }]);
  const inForce = versionInForce(await versionsOf(db, programmeId), period);
  if (!inForce) throw errors.notFound(`a version of programme '${programmeId}' in force for ${period}`);
  return inForce;
}

/**
 * The version in force for a period among a programme's versions (newest first, as
 * versionsOf gives them); undefined when none is, or the period is not one. A request
 * about many periods reads the versions once and picks here.
 */
export function versionInForce(versions: readonly ProgrammeVersion[], period: string): ProgrammeVersion | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return undefined;
  return versions.find((version) => parsePeriod(version.effectiveFrom)!.firstMonth <= parsed.firstMonth);
}

export async function versionByNumber(db: Db | Tx, programmeId: string, version: number): Promise<ProgrammeVersion> {
  const found = (await versionsOf(db, programmeId)).find((candidate) => candidate.version === version);
  if (!found) throw errors.notFound(`version ${version} of programme '${programmeId}'`);
  return found;
}

/**
 * Versions are never changed once saved, so they are cached, made into versions once when
 * read (nearly every request asks for one); saving one forgets the list.
 */
const VERSIONS = kept('programme versions', () => new Expiring<string, readonly ProgrammeVersion[]>(10_000));

/** A programme's versions, newest first. */
export function versionsOf(db: Db | Tx, programmeId: string): Promise<readonly ProgrammeVersion[]> {
  return keptBy(db, VERSIONS).getOrLoad(programmeId, db, async () => {
    const rows = await db.select().from(programmeVersions).where(eq(programmeVersions.programmeId, programmeId)).orderBy(desc(programmeVersions.version));
    return rows.map(toVersion);
  });
}

/** A stored version; the engine's programme carries the version number for provenance. */
function toVersion(row: typeof programmeVersions.$inferSelect): ProgrammeVersion {
  return {
    programmeId: row.programmeId,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    hash: row.hash,
    program: { ...(row.definition as Program), version: String(row.version) },
  };
}
