import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Progress } from '../components/Status.tsx';
import { parsePeriod } from '../../../src/contract/periods.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { useApplyDraw } from './queries.ts';
import type { Draw } from './types.ts';

/**
 * The payment rule for the facilities not drawn, behind a confirmation that says what will be
 * written: it cannot be undone, and makes the draw final.
 */
export function ApplyDraw({ programmeId, draw }: { programmeId: string; draw: Draw }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const dialog = useRef<HTMLDialogElement>(null);
  const apply = useApplyDraw(programmeId);
  const notDrawn = draw.counts.facilities - draw.counts.drawn;
  const period = formatPeriod(draw.period, locale);
  const result = apply.data;
  // Offered where the server's policy allows it: the role on the draw's whole subtree, a draw not applied nor replaced.
  if (!draw.policies.apply && !result) return null;

  return (
    <section className="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('risk.apply.title')}</h2>
      <p>{t('risk.apply.rule')}</p>
      {result ? (
        <div role="status">
          <p className="good">{t('risk.apply.done', { values: formatNumber(result.values, locale), facilities: formatNumber(result.facilities, locale) })}</p>
          {result.withoutDeclarations.length > 0 && (
            <p className="muted">{t('risk.apply.without', { units: result.withoutDeclarations.join(', ') })}</p>
          )}
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.showModal()} disabled={apply.isPending}>
            {t('risk.apply.button')}
          </button>
          {apply.isPending && <Progress label={t('risk.apply.working')} />}
        </div>
      )}
      {apply.error && <ErrorMessage error={apply.error} />}
      <dialog ref={dialog} aria-labelledby="apply-confirm-title" className="confirm">
        <form
          method="dialog"
          onSubmit={(event) => {
            if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'confirm') apply.mutate(draw.id);
          }}
        >
          <h2 id="apply-confirm-title">{t('risk.apply.confirmTitle')}</h2>
          <p>
            {t(parsePeriod(draw.period)?.type === 'quarter' ? 'risk.apply.writesQuarter' : 'risk.apply.writes', {
              facilities: formatNumber(notDrawn, locale),
              period,
            })}
          </p>
          <p>{t('risk.apply.refused')}</p>
          <p>
            <strong>{t('risk.apply.final')}</strong>
          </p>
          <div className="actions">
            <button type="submit" value="confirm">
              {t('risk.apply.confirm')}
            </button>
            <button type="submit" value="cancel" className="secondary">
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
