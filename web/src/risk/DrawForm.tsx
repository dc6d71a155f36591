import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Progress } from '../components/Status.tsx';
import { formatPercent } from '../i18n/format.ts';
import { PROBABILITY_FIELD, defaultFields, fieldsOf, readFields, type FieldName, type FieldProblem, type ParameterFields } from './parameters.ts';
import { useCreateDraw } from './queries.ts';
import { DEFAULT_PARAMETERS, RISK_CLASSES, type Draw } from './types.ts';

interface DrawFormProps {
  readonly programmeId: string;
  readonly root: string;
  readonly period: string;
  /** The current draw, when the form replaces it. */
  readonly replacing?: Draw | undefined;
  onDrawn(draw: Draw, created: boolean): void;
}

/**
 * Makes a draw, or replaces the current one with a reason: the parameters (Burundi's defaults,
 * or the current draw's when replacing), an optional seed, checked here as the server will.
 */
export function DrawForm({ programmeId, root, period, replacing, onDrawn }: DrawFormProps) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<ParameterFields>(() => (replacing ? fieldsOf(replacing.parameters, i18n.language) : defaultFields(i18n.language)));
  const [seed, setSeed] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Partial<Record<FieldName | 'reason', FieldProblem>>>({});
  const create = useCreateDraw(programmeId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readFields(fields, i18n.language);
    const found: Partial<Record<FieldName | 'reason', FieldProblem>> = 'problems' in read ? { ...read.problems } : {};
    // The server refuses a replacement without a reason; say so before asking it.
    if (replacing && !reason.trim()) found.reason = 'required';
    setProblems(found);
    if ('problems' in read || found.reason) return;
    create.mutate(
      { rootOrgUnitId: root, period, seed: seed.trim() || undefined, parameters: read.parameters, ...(replacing ? { replace: true, reason: reason.trim() } : {}) },
      { onSuccess: (draw) => onDrawn(draw, draw.created) },
    );
  };
  const field = (name: FieldName) => ({
    value: fields[name],
    onChange: (value: string) => setFields((current) => ({ ...current, [name]: value })),
    problem: problems[name],
  });

  return (
    <form className="card draw-form" onSubmit={submit} noValidate aria-labelledby="draw-form-title">
      <h2 id="draw-form-title">{t(replacing ? 'risk.form.replace' : 'risk.form.new')}</h2>
      {replacing && <p className="muted">{t('risk.form.replaceHelp')}</p>}
      <div className="parameter-groups">
        <fieldset>
          <legend>{t('risk.form.history')}</legend>
          <NumberField label={t('risk.form.historyMonths')} hint={t('risk.form.default', { value: DEFAULT_PARAMETERS.historyMonths })} {...field('historyMonths')} />
        </fieldset>
        <fieldset>
          <legend>{t('risk.form.thresholds')}</legend>
          <NumberField label={t('risk.form.thresholdModerate')} hint={defaultPercent(DEFAULT_PARAMETERS.thresholds.moderate)} {...field('thresholdModerate')} />
          <NumberField label={t('risk.form.thresholdHigh')} hint={defaultPercent(DEFAULT_PARAMETERS.thresholds.high)} {...field('thresholdHigh')} />
        </fieldset>
        <fieldset>
          <legend>{t('risk.form.probabilities')}</legend>
          {RISK_CLASSES.map((riskClass) => (
            <NumberField
              key={riskClass}
              label={t(`risk.form.probability.${riskClass}`)}
              hint={defaultPercent(DEFAULT_PARAMETERS.probabilities[riskClass])}
              {...field(PROBABILITY_FIELD[riskClass])}
            />
          ))}
        </fieldset>
      </div>
      <p className="muted small-text">{t('risk.form.alwaysDrawn')}</p>
      <div className="field">
        <label htmlFor="draw-seed">{t('risk.form.seed')}</label>
        <input id="draw-seed" value={seed} onChange={(e) => setSeed(e.target.value)} maxLength={200} autoComplete="off" aria-describedby="draw-seed-help" />
        <span id="draw-seed-help" className="muted small-text">
          {t('risk.form.seedHelp')}
        </span>
      </div>
      {replacing && (
        <div className="field">
          <label htmlFor="draw-reason">{t('risk.form.reason')}</label>
          <textarea
            id="draw-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            required
            aria-invalid={problems.reason ? true : undefined}
            aria-describedby={problems.reason ? 'reason-problem' : undefined}
          />
          {problems.reason && (
            <span id="reason-problem" role="alert" className="bad small-text">
              {t('risk.form.reasonRequired')}
            </span>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {t(replacing ? 'risk.form.submitReplace' : 'risk.form.submit')}
        </button>
        {create.isPending && <Progress label={t('risk.form.drawing')} />}
      </div>
      {create.error && <ErrorMessage error={create.error} />}
    </form>
  );

  function defaultPercent(ratio: number) {
    return t('risk.form.default', { value: formatPercent(ratio, i18n.language) });
  }
}

function NumberField({ label, hint, value, onChange, problem }: { label: string; hint: string; value: string; onChange: (value: string) => void; problem: FieldProblem | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="number-input"
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className={problem ? 'bad small-text' : 'muted small-text'}>
        {problem ? t(`risk.form.problem.${problem}`) : hint}
      </span>
    </div>
  );
}
