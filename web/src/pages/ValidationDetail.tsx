import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { reaches } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useRules, useSheet, valueKey, type PackageStatus, type RulesPackage, type StoredValue } from '../entry/api.ts';
import { EntryGrid, type GridColumn } from '../entry/EntryGrid.tsx';
import { StatusBadge, StatusSince } from '../entry/StatusBadge.tsx';
import { effectiveValue, type Draft } from '../entry/cells.ts';
import { useCells } from '../entry/useCells.ts';
import type { Entry } from '../field/compute.ts';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { Money } from '../money/Money.tsx';
import { CommitteeActions } from '../validation/CommitteeActions.tsx';
import type { ChecklistScore } from '../validation/checklistScore.ts';
import type { CommitteeFigures } from '../validation/committeeFigures.ts';
import { DiscrepancyText } from '../validation/DiscrepancyText.tsx';
import type { LockFacts } from '../validation/LockSummary.tsx';
import { activityDiscrepancy, discrepancy, totalsOf } from '../validation/totals.ts';
import { useCommitteeFigures, useOrgUnit } from '../validation/useCommitteeFigures.ts';

/**
 * One facility's package for a period before the committee: figures per activity, each line
 * marked beyond or within tolerance with what it loses, the validated figures (the verified
 * ones by default), and the step, confirmed with a summary of what it locks.
 */
export function ValidationDetail() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  const { orgUnit, period, package: pkg } = useParams();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('data.validate').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <DetailScreen key={`${programmeId}/${orgUnit}/${period}/${pkg}`} programmeId={programmeId} orgUnit={orgUnit!} period={period!} pkg={pkg!} />;
}

function DetailScreen({ programmeId, orgUnit, period, pkg }: { programmeId: string; orgUnit: string; period: string; pkg: string }) {
  const { t } = useTranslation();
  const unit = useOrgUnit(programmeId, orgUnit);
  // The unit's whole sheet, not the package's values only: a month's payment may read other packages of the month too.
  const sheet = useSheet(programmeId, orgUnit, period);
  const rules = useRules(programmeId, sheet.data?.programmeVersion);
  const stored = useMemo(() => new Map(sheet.data?.values.map((value) => [valueKey(value.activity, value.state), value])), [sheet.data]);
  const status = sheet.data?.packages.find((candidate) => candidate.package === pkg);
  const definition = rules.data?.definition.packages.find((candidate) => candidate.code === pkg);
  const error = unit.error ?? sheet.error ?? rules.error;

  return (
    <section className="validation-detail">
      <p>
        <Link to={`/validation?period=${period}`}>{t('validation.back')}</Link>
      </p>
      {error && <ErrorMessage error={error} onRetry={() => void Promise.all([unit.refetch(), sheet.refetch(), rules.refetch()])} />}
      {!error && (!unit.data || !sheet.data || !rules.data) && <Loading />}
      {unit.data && sheet.data && rules.data && (!status || !definition) && <p>{t('validation.noPackage')}</p>}
      {unit.data && status && definition && (
        <Committee
          programmeId={programmeId}
          unit={unit.data}
          period={period}
          programme={rules.data!.definition}
          definition={definition}
          status={status}
          stored={stored}
        />
      )}
    </section>
  );
}

interface CommitteeProps {
  readonly programmeId: string;
  readonly unit: OrgUnit;
  readonly period: string;
  /** The whole programme version, which the engine runs. */
  readonly programme: unknown;
  readonly definition: RulesPackage;
  readonly status: PackageStatus;
  readonly stored: ReadonlyMap<string, StoredValue>;
}

function Committee({ programmeId, unit, period, programme, definition, status, stored }: CommitteeProps) {
  const { t, i18n } = useTranslation();
  const { capability } = useSession();
  const locale = i18n.language;
  const cells = useCells({ programmeId, orgUnit: unit.id, period, pkg: definition.code, inputTypes: definition.inputTypes, locale }, stored);
  const mayAct = reaches(capability('data.validate'), unit.path);
  const editable = mayAct && !status.locked;
  const title = `${unit.name} — ${definition.name ?? definition.code} — ${formatPeriod(period, locale)}`;
  const totals = totalsOf([...stored.values()], definition);
  const entries = useMemo(() => valuesOnScreen(stored, cells.drafts, period, locale, definition.inputTypes), [stored, cells.drafts, period, locale, definition.inputTypes]);
  const figures = useCommitteeFigures(programme, unit, definition.code, status.period, entries);
  const declared = figures?.declared === true;
  const verifiedOf = (activity: string) => stored.get(valueKey(activity, 'verified'))?.value;
  const breachOf = (activity: string) => (declared && verifiedOf(activity) !== undefined ? figures.penalties.get(activity)?.breach : undefined);
  const defaultsValidated = editable && definition.inputs.includes('validated') && definition.inputs.includes('verified');
  const columns: GridColumn[] = definition.inputs.flatMap((state): GridColumn[] => {
    const column: GridColumn = {
      kind: 'state',
      state,
      header: i18n.exists(`state.${state}`) ? t(`state.${state}`) : state,
      editable: state === 'validated' && editable,
      ...(state === 'validated' && defaultsValidated ? { fallback: verifiedOf } : {}),
    };
    if (figures?.checklist) return [{ ...column, total: '—' }];
    if (state !== 'verified' || !definition.inputs.includes('declared')) return [column];
    return [column, discrepancyColumn(t('validation.discrepancy'), stored, totals, breachOf, figures), ...(declared ? [lostColumn(t('penalty.lost'), breachOf, figures)] : [])];
  });
  if (figures?.checklist) columns.push(...checklistColumns(figures.checklist, locale, t('validation.obtained'), t('validation.available')));
  const facts: LockFacts = {
    figures,
    activityName: (code) => definition.activities.find((activity) => activity.code === code)?.name ?? code,
    ...validatedOrigins(definition, stored, cells.drafts, locale),
  };

  return (
    <>
      <h1 id="committee-title">
        {unit.name} — {definition.name ?? definition.code} <StatusBadge status={status.status} />
      </h1>
      <p className="small-text">
        {formatPeriod(status.period, locale)} · <span className="code">{unit.id}</span> <StatusSince status={status} />
      </p>
      {defaultsValidated && <p className="muted">{t('penalty.defaultsHelp')}</p>}
      <EntryGrid
        labelledBy="committee-title"
        activities={definition.activities}
        columns={columns}
        stored={stored}
        cells={cells}
        rowClass={(activity) => {
          const breach = breachOf(activity);
          return breach === undefined ? undefined : breach ? 'beyond' : 'within';
        }}
      />
      {figures?.checklist && <ChecklistScoreLine score={figures.checklist} />}
      {mayAct ? (
        <CommitteeActions programmeId={programmeId} orgUnit={unit.id} title={title} status={status} unsaved={cells.drafts.size} facts={facts} />
      ) : (
        <p className="muted">{t('validation.outOfScope')}</p>
      )}
    </>
  );
}

/** A checklist's points obtained and available per item, as the engine computes them, with their sums. */
function checklistColumns(score: ChecklistScore, locale: string, obtained: string, available: string): GridColumn[] {
  const number = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, locale, 4));
  return (['obtained', 'available'] as const).map((part) => ({
    kind: 'derived',
    key: part,
    header: part === 'obtained' ? obtained : available,
    cell: (activity) => number(score.items.get(activity)?.[part]),
    total: number(score[part]),
  }));
}

/** The checklist's score: the points obtained over those available, as the bonus reads it. */
function ChecklistScoreLine({ score }: { score: ChecklistScore }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <p className="checklist-score" role="status">
      {t('validation.score', {
        score: score.score === undefined ? '—' : formatPercent(score.score, locale, 1),
        obtained: formatNumber(score.obtained, locale, 4),
        available: formatNumber(score.available, locale, 4),
      })}
    </p>
  );
}

type BreachOf = (activity: string) => boolean | undefined;

/** Declared against verified per line, coloured by the line's breach; in the total, the lines beyond tolerance. */
function discrepancyColumn(header: string, stored: ReadonlyMap<string, StoredValue>, totals: ReturnType<typeof totalsOf>, breachOf: BreachOf, figures: CommitteeFigures | undefined): GridColumn {
  return {
    kind: 'derived',
    key: 'discrepancy',
    header,
    cell: (activity) => <DiscrepancyText value={activityDiscrepancy(stored, activity)} breach={breachOf(activity)} />,
    total: figures?.declared ? <BeyondCount count={figures.totals.breaches} /> : <DiscrepancyText value={discrepancy(totals.declared, totals.verified)} />,
  };
}

/** What each line beyond tolerance loses, and the whole. */
function lostColumn(header: string, breachOf: BreachOf, figures: CommitteeFigures | undefined): GridColumn {
  return {
    kind: 'derived',
    key: 'lost',
    header,
    cell: (activity) => (breachOf(activity) ? <span className="bad"><Money value={figures!.penalties.get(activity)!.lost} /></span> : '—'),
    total: figures && figures.totals.breaches > 0 ? <span className="bad"><Money value={figures.totals.lost} /></span> : '—',
  };
}

function BeyondCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return <span className={count > 0 ? 'bad' : 'good'}>{t('penalty.detail.beyond', { count })}</span>;
}

/** What the engine reads: the stored values of the unit's period, with the committee's typed figures over them. */
function valuesOnScreen(
  stored: ReadonlyMap<string, StoredValue>,
  drafts: ReadonlyMap<string, Draft>,
  period: string,
  locale: string,
  types: RulesPackage['inputTypes'],
): Entry[] {
  const shown = [...stored.entries()].flatMap(([key, value]) => {
    const current = effectiveValue(drafts.get(key), value, locale, types?.[value.state]);
    return current === undefined ? [] : [{ period: value.period, activity: value.activity, state: value.state, value: current }];
  });
  const typed = [...drafts.entries()].flatMap(([key, draft]) => {
    const [activity = '', state = ''] = key.split('\u0000');
    const current = stored.has(key) ? undefined : effectiveValue(draft, undefined, locale, types?.[state]);
    return current === undefined ? [] : [{ period, activity, state, value: current }];
  });
  return [...shown, ...typed];
}

/** How many lines the committee gave its own validated figure, and how many take the verified one (a package entering both). */
function validatedOrigins(definition: RulesPackage, stored: ReadonlyMap<string, StoredValue>, drafts: ReadonlyMap<string, Draft>, locale: string) {
  if (!definition.inputs.includes('validated') || !definition.inputs.includes('verified')) return {};
  const counts = { entered: 0, defaulted: 0 };
  for (const activity of definition.activities) {
    const key = valueKey(activity.code, 'validated');
    if (effectiveValue(drafts.get(key), stored.get(key), locale, definition.inputTypes?.validated) !== undefined) counts.entered += 1;
    else if (stored.has(valueKey(activity.code, 'verified'))) counts.defaulted += 1;
  }
  return counts;
}
