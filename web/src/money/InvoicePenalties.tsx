import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { Money } from './Money.tsx';
import type { InvoiceDetail, InvoicePenaltyLine } from './records.ts';

/**
 * The lines the invoice lost to the programme's declared penalties, each on a line of its
 * own, as the run computed them: what was entered, the gap against the tolerance, the money
 * lost — which opens its provenance.
 */
export function InvoicePenalties({ penalties, onExplain }: { penalties: InvoiceDetail['penalties']; onExplain: (name: string, period: string) => void }) {
  const { t, i18n } = useTranslation();
  if (penalties.lines.length === 0) return null;
  const states = [...new Set(penalties.lines.flatMap((line) => Object.keys(line.inputs)))];
  const stateLabel = (state: string) => (i18n.exists(`state.${state}`) ? t(`state.${state}`) : state);
  return (
    <section aria-labelledby="penalties-title" className="card penalties">
      <h2 id="penalties-title">{t('penalty.invoice.title', { count: penalties.breaches })}</h2>
      <p>
        {t('penalty.invoice.lost')} <strong className="bad"><Money value={penalties.lost} /></strong>
      </p>
      <div className="scroll-x">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('field.activity')}</th>
              {states.map((state) => (
                <th scope="col" className="number" key={state}>
                  {stateLabel(state)}
                </th>
              ))}
              <th scope="col" className="number">{t('penalty.gap')}</th>
              <th scope="col" className="number">{t('penalty.lost')}</th>
            </tr>
          </thead>
          <tbody>
            {penalties.lines.map((line) => (
              <tr key={`${line.package}/${line.activity}`} className="beyond" data-activity={line.activity}>
                <th scope="row">
                  {line.activityName ?? line.activity}
                  <div className="muted code small-text">{line.activity}</div>
                </th>
                {states.map((state) => (
                  <td className="number" key={state}>
                    {line.inputs[state] === undefined ? '—' : formatNumber(line.inputs[state], i18n.language, 4)}
                  </td>
                ))}
                <td className="number">
                  <GapText line={line} />
                </td>
                <td className="number">
                  <button
                    type="button"
                    className="link bad"
                    aria-label={t('penalty.invoice.explain', { activity: line.activityName ?? line.activity })}
                    onClick={() => onExplain(line.lostName, line.period)}
                  >
                    <Money value={line.lost} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "25 % (tolerance 10 %)", or whichever of the two the programme names. */
export function GapText({ line }: { line: Pick<InvoicePenaltyLine, 'gap' | 'tolerance'> }) {
  const { t, i18n } = useTranslation();
  const percent = (ratio: number) => formatPercent(ratio, i18n.language);
  if (line.gap === null) return line.tolerance === null ? <>—</> : <>{t('penalty.toleranceOnly', { tolerance: percent(line.tolerance) })}</>;
  if (line.tolerance === null) return <>{percent(line.gap)}</>;
  return <>{t('penalty.gapOf', { gap: percent(line.gap), tolerance: percent(line.tolerance) })}</>;
}
