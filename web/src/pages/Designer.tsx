import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriod, renderMessage, type EngineError } from '../../../src/engine/index.ts';
import { ApiError, api, query } from '../api/client.ts';
import { detailsOf, problemsOf } from '../api/errors.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnitPage, Versions } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { EditorContext, type EditorState } from '../designer/context.ts';
import { toDraft, type Draft } from '../designer/draft.ts';
import {
  PROGRAMME_ANCHOR,
  attributeNamesOf,
  inferAttributeNames,
  liveCheck,
  placeFindings,
  serverFindings,
  type Finding,
} from '../designer/findings.ts';
import { addedFindings } from '../designer/consequences.ts';
import { Findings, usePlaceWords } from '../designer/Findings.tsx';
import { placeSegments } from '../designer/places.ts';
import { savedCodes } from '../designer/saved.ts';
import { FormulaHelp } from '../designer/FormulaHelp.tsx';
import { ProgrammeEditor } from '../designer/ProgrammeEditor.tsx';
import { useDebounced } from '../designer/useDebounced.ts';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import { DryRun } from '../designer/DryRun.tsx';
import { ReachBack, type VersionReach } from '../designer/ReachBack.tsx';
import type { saveVersion, showVersion } from '../../../src/contract/api/programmes.ts';
import type { Answer, Body } from '../../../src/contract/http.ts';

/** What saving a version sends, with the draft the editor holds as its rules. */
type SaveInput = Omit<Body<typeof saveVersion>, 'definition'> & { readonly definition: Draft };

/** A version saved (201); a dry run's answer (200) is the reach ReachBack shows. */
type Saved = Exclude<Answer<typeof saveVersion>, { dryRun: true }>;

type VersionDetail = Answer<typeof showVersion>;

/** The draft being edited: the version it started from, that version's rules, the edits. */
interface Editing {
  readonly base: number;
  readonly original: Draft;
  readonly definition: Draft;
  readonly dirty: boolean;
  /** Changes when a new draft is loaded, so that the editor starts afresh. */
  readonly session: number;
}

/** Org units read for their attribute names; beyond that many, names come from saved versions. */
const ATTRIBUTE_UNITS = 1000;
const CHECK_DELAY_MS = 250;

export function Designer() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('rules.try').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <DesignerScreen key={programmeId} programmeId={programmeId} />;
}

function DesignerScreen({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const queryClient = useQueryClient();
  const versionsPath = `/api/programmes/${programmeId}/versions`;

  const versions = useQuery({
    queryKey: ['programme-versions', programmeId],
    queryFn: () => api.get<Versions>(`${versionsPath}${query({ limit: 1000 })}`),
  });
  const attributes = useQuery({
    queryKey: ['designer-attributes', programmeId],
    queryFn: async () => {
      const units = await api.get<OrgUnitPage>(`/api/programmes/${programmeId}/org-units${query({ limit: ATTRIBUTE_UNITS })}`);
      return { names: attributeNamesOf(units.items), truncated: units.total > units.items.length };
    },
    staleTime: Infinity,
  });
  const latest = versions.data?.items.reduce((max, item) => Math.max(max, item.version), 0) || undefined;

  const [editing, setEditing] = useState<Editing | null>(null);
  const editingRef = useRef(editing);
  const [viewing, setViewing] = useState<number | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly Finding[]>([]);
  const [saved, setSaved] = useState<{ version: number; effectiveFrom: string } | null>(null);

  const loadVersion = useCallback(
    (version: number) =>
      queryClient.fetchQuery({
        queryKey: ['programme-version', programmeId, version],
        queryFn: () => api.get<VersionDetail>(`${versionsPath}/${version}`),
        staleTime: Infinity,
      }),
    [queryClient, programmeId, versionsPath],
  );

  const startFrom = useCallback((detail: VersionDetail) => {
    const original = toDraft(detail.definition);
    const next: Editing = { base: detail.version, original, definition: original, dirty: false, session: (editingRef.current?.session ?? 0) + 1 };
    editingRef.current = next;
    setEditing(next);
    setServerErrors([]);
  }, []);

  // The latest version, once known, is where editing starts.
  const baseQuery = useQuery({
    queryKey: ['programme-version', programmeId, latest],
    queryFn: () => api.get<VersionDetail>(`${versionsPath}/${latest}`),
    enabled: latest !== undefined && editing === null,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (editing === null && baseQuery.data) startFrom(baseQuery.data);
  }, [editing, baseQuery.data, startFrom]);

  const viewed = useQuery({
    queryKey: ['programme-version', programmeId, viewing],
    queryFn: () => api.get<VersionDetail>(`${versionsPath}/${viewing}`),
    enabled: viewing !== null,
    staleTime: Infinity,
  });

  useEffect(() => {
    if (!editing?.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editing?.dirty]);

  // Attribute names: those of the org units the designer can see, and those saved versions read.
  const attributeNames = useMemo(
    () => (editing && !attributes.isPending ? inferAttributeNames(editing.original, attributes.data?.names ?? []) : undefined),
    [editing?.original, attributes.isPending, attributes.data],
  );

  const definition = editing?.definition;
  const settled = useDebounced(definition, CHECK_DELAY_MS);
  const hintOverride = useCallback(
    (error: EngineError) => (error.hint?.key === 'hint.attribute' ? t('designer.hintAttribute') : undefined),
    [t],
  );
  const check = useMemo(
    () => (settled && attributeNames ? liveCheck(settled, attributeNames, locale, hintOverride) : undefined),
    [settled, attributeNames, locale, hintOverride],
  );
  const checking = !check || settled !== definition;
  const liveCount = check?.findings.length ?? 0;

  const findings = useMemo(
    () => (definition ? placeFindings([...(check?.findings ?? []), ...serverErrors], definition) : new Map<string, Finding[]>()),
    [definition, check, serverErrors],
  );

  const edit = useCallback((update: (draft: Draft) => Draft) => {
    const current = editingRef.current;
    if (!current) return;
    const next = update(current.definition);
    if (next === current.definition) return;
    const updated = { ...current, definition: next, dirty: true };
    editingRef.current = updated;
    setEditing(updated);
    setSaved(null);
  }, []);

  // What an edit would add to the findings, checked now rather than after the debounce.
  const consequences = useCallback(
    (update: (draft: Draft) => Draft) => {
      const current = editingRef.current?.definition;
      if (!current || !attributeNames) return [];
      const findingsOf = (draft: Draft) => liveCheck(draft, attributeNames, locale, hintOverride).findings;
      return addedFindings(findingsOf(current), findingsOf(update(current)));
    },
    [attributeNames, locale, hintOverride],
  );
  const baseCodes = useMemo(() => savedCodes(editing?.original), [editing?.original]);
  const editor = useMemo<EditorState | null>(
    () => (definition ? { readOnly: false, draft: definition, findings, saved: baseCodes, edit, consequences } : null),
    [definition, findings, baseCodes, edit, consequences],
  );
  const noFindings = useMemo(() => new Map<string, Finding[]>(), []);
  const viewedDraft = useMemo(() => (viewed.data ? toDraft(viewed.data.definition) : undefined), [viewed.data]);
  const viewer = useMemo<EditorState | null>(
    () =>
      viewedDraft
        ? { readOnly: true, draft: viewedDraft, findings: noFindings, saved: savedCodes(viewedDraft), edit: () => undefined, consequences: () => [] }
        : null,
    [viewedDraft, noFindings],
  );
  const placeWords = usePlaceWords();

  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const periodValid = parsePeriod(effectiveFrom.trim()) !== undefined;

  const [reach, setReach] = useState<{ reach: VersionReach; input: SaveInput } | null>(null);
  const save = useMutation({
    mutationFn: (input: SaveInput) => api.post<Saved>(versionsPath, input),
    onSuccess: (result, input) => {
      setReach(null);
      const next: Editing = {
        base: result.version,
        original: input.definition,
        definition: editingRef.current?.definition ?? input.definition,
        dirty: editingRef.current?.definition !== input.definition,
        session: editingRef.current?.session ?? 0,
      };
      editingRef.current = next;
      setEditing(next);
      setServerErrors([]);
      setSaved({ version: result.version, effectiveFrom: result.effectiveFrom });
      setEffectiveFrom('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['programme-versions', programmeId] });
    },
    onError: (error, input) => {
      const reach = detailsOf(error, 'VERSION_REACHES_BACK');
      if (reach) return setReach({ reach, input });
      if (!(error instanceof ApiError) || error.status !== 422) return setServerErrors([]);
      // The server words its attribute hint for the command line; say it for this screen.
      const cliHint = renderMessage('hint.attribute', {}, 'en');
      setServerErrors(
        serverFindings(problemsOf(error), input.definition).map((finding) =>
          finding.hint === cliHint ? { ...finding, hint: t('designer.hintAttributeServer') } : finding,
        ),
      );
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!editing || checking || liveCount > 0 || !periodValid) return;
    setSaved(null);
    setReach(null);
    save.mutate({ definition: editing.definition, effectiveFrom: effectiveFrom.trim(), note: note.trim() });
  }

  function view(version: number) {
    setViewing(version === viewing ? null : version);
  }

  async function editCopy(version: number) {
    if (editing?.dirty && !window.confirm(t('designer.discardConfirm'))) return;
    startFrom(await loadVersion(version));
    setViewing(null);
  }

  function jumpToFirstError() {
    const field = document.querySelector<HTMLElement>('.programme-editor [aria-invalid="true"]');
    if (field) {
      field.focus();
      field.scrollIntoView({ block: 'center' });
    } else {
      document.querySelector('.designer .findings')?.scrollIntoView({ block: 'center' });
    }
  }

  const saveBlocked = !editing || checking || liveCount > 0 || !periodValid || save.isPending;
  const sortedVersions = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);

  return (
    <section className="designer">
      <h1>{t('designer.title')}</h1>
      {versions.isPending && <Loading />}
      {versions.error && <ErrorMessage error={versions.error} onRetry={() => versions.refetch()} />}
      {versions.data && versions.data.items.length === 0 && <p>{t('designer.noVersion')}</p>}

      {sortedVersions.length > 0 && (
        <section aria-labelledby="versions-title" className="versions">
          <h2 id="versions-title">{t('designer.versions')}</h2>
          <div className="scroll-y">
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t('designer.version')}</th>
                  <th scope="col">{t('designer.effectiveFrom')}</th>
                  <th scope="col">{t('designer.note')}</th>
                  <th scope="col">{t('designer.savedAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('designer.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sortedVersions.map((item) => (
                  <tr key={item.version} className={item.version === viewing ? 'selected' : undefined} data-version={item.version}>
                    <th scope="row">
                      {item.version}
                      {item.version === latest && <span className="badge">{t('designer.latest')}</span>}
                    </th>
                    <td>
                      {formatPeriod(item.effectiveFrom, i18n.language)} <span className="muted code">{item.effectiveFrom}</span>
                    </td>
                    <td>{item.note}</td>
                    <td>{formatDateTime(item.createdAt, i18n.language)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-pressed={item.version === viewing}
                        aria-label={t('designer.viewVersion', { version: item.version })}
                        onClick={() => view(item.version)}
                      >
                        {t('designer.view')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <div className="designer-body">
        <div className="designer-main">
          {viewing !== null ? (
            <>
              <div className="banner" role="status">
                <span>
                  {viewed.data
                    ? t('designer.readOnly', { version: viewed.data.version, period: formatPeriod(viewed.data.effectiveFrom, i18n.language) })
                    : t('common.loading')}
                </span>
                <button type="button" className="secondary small" onClick={() => setViewing(null)}>
                  {t('designer.backToDraft')}
                </button>
                {viewed.data && (
                  <button type="button" className="secondary small" onClick={() => editCopy(viewing)}>
                    {t('designer.editCopy')}
                  </button>
                )}
              </div>
              {viewed.error && <ErrorMessage error={viewed.error} onRetry={() => viewed.refetch()} />}
              {viewedDraft && viewer && (
                <EditorContext.Provider value={viewer}>
                  <ProgrammeEditor key={`view-${viewing}`} draft={viewedDraft} />
                </EditorContext.Provider>
              )}
            </>
          ) : (
            <>
              {baseQuery.error && <ErrorMessage error={baseQuery.error} onRetry={() => baseQuery.refetch()} />}
              {latest !== undefined && !editing && <Loading />}
              {editing && (
                <>
                  <div className="banner">
                    <span>{t('designer.editing', { version: editing.base })}</span>
                    {editing.dirty && <span className="badge warn">{t('designer.unsaved')}</span>}
                  </div>
                  {check?.stage === 'shape' && <p className="warn">{t('designer.check.shape')}</p>}
                  <Findings findings={findings.get(PROGRAMME_ANCHOR)} place={(finding) => placeSegments(finding.path, editing.definition, placeWords).join(' · ')} />
                  <EditorContext.Provider value={editor}>
                    <ProgrammeEditor key={`edit-${editing.session}`} draft={editing.definition} />
                  </EditorContext.Provider>
                  <DryRun programmeId={programmeId} definition={editing.definition} blocked={checking || liveCount > 0} />
                </>
              )}
            </>
          )}
        </div>
        <aside className="designer-aside">
          <FormulaHelp attributes={attributeNames ?? attributes.data?.names ?? []} truncated={attributes.data?.truncated ?? false} />
        </aside>
      </div>

      {editing && viewing === null && (
        <form className="save-bar" onSubmit={submit} aria-labelledby="save-title">
          <h2 id="save-title" className="visually-hidden">
            {t('designer.save.title')}
          </h2>
          <p className="check-status" role="status" aria-live="polite">
            {checking ? (
              <span className="muted">{t('designer.check.pending')}</span>
            ) : liveCount > 0 ? (
              <button type="button" className="link bad" onClick={jumpToFirstError}>
                {t('designer.check.errors', { count: liveCount })}
              </button>
            ) : (
              <span className="good">{t('designer.check.ok')}</span>
            )}
          </p>
          <label className="stacked">
            {t('designer.save.effectiveFrom')}
            <input
              className="code period"
              name="effectiveFrom"
              value={effectiveFrom}
              placeholder="202501"
              spellCheck={false}
              aria-invalid={effectiveFrom.trim() !== '' && !periodValid ? true : undefined}
              aria-describedby="effective-help"
              onChange={(event) => setEffectiveFrom(event.target.value)}
            />
          </label>
          <label className="stacked grow">
            {t('designer.save.note')}
            <input name="note" value={note} placeholder={t('designer.save.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" disabled={saveBlocked}>
            {t('designer.save.submit')}
          </button>
          <span id="effective-help" className="visually-hidden">
            {t('designer.save.help')}
          </span>
          {effectiveFrom.trim() !== '' && !periodValid ? (
            <p className="small-text save-message bad">{t('designer.save.badPeriod', { period: effectiveFrom.trim() })}</p>
          ) : saved ? (
            <p className="small-text save-message good" role="status">
              {t('designer.save.saved', { version: saved.version, period: formatPeriod(saved.effectiveFrom, i18n.language) })}
            </p>
          ) : (
            serverErrors.length > 0 && (
              <p className="small-text save-message bad" role="alert">
                {t('designer.save.refused', { count: serverErrors.length })}
              </p>
            )
          )}
          {save.error && !(save.error instanceof ApiError && (save.error.status === 422 || save.error.code === 'VERSION_REACHES_BACK')) && (
            <ErrorMessage error={save.error} />
          )}
          {reach && (
            <ReachBack
              reach={reach.reach}
              saving={save.isPending}
              onConfirm={(reason) => save.mutate({ ...reach.input, confirmReachBack: true, reason })}
              onCancel={() => setReach(null)}
            />
          )}
        </form>
      )}
    </section>
  );
}
