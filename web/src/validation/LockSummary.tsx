import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { GapText } from '../money/InvoicePenalties.tsx';
import { Money } from '../money/Money.tsx';
import type { CommitteeFigures } from './committeeFigures.ts';

/** What validating a package will lock, as the committee's screen computed it. */
export interface LockFacts {
  readonly figures: CommitteeFigures | undefined;
  activityName(code: string): string;
  /** Lines whose validated figure will be the verified one, and lines with the committee's own; absent where the package enters no validated figure. */
  readonly defaulted?: number;
  readonly entered?: number;
}

/** The lines beyond tolerance and what they lose, what the month's payments will pay, where the validated figures come from. */
export function LockSummary({ facts }: { facts: LockFacts }) {
  const { t } = useTranslation();
  const { figures } = facts;
  if (!figures) return <Loading />;
  const breaches = [...figures.penalties.values()].filter((line) => line.breach);
  return (
    <>
      {figures.errors.length > 0 && <ErrorMessage error={new Error(figures.errors.join(' ; '))} />}
      <ul className="lock-summary">
        {figures.declared && (
          <li>
            {t('penalty.lock.beyond', { count: figures.totals.breaches })}
            {breaches.length > 0 && (
              <ul>
                {breaches.map((line) => (
                  <li key={line.activity}>
                    {t('penalty.lock.lineOf', { activity: facts.activityName(line.activity) })} <GapText line={line} /> — {t('penalty.lock.lineLost')} <Money value={line.lost} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        )}
        {figures.declared && (
          <li className={figures.totals.breaches > 0 ? 'bad' : undefined}>
            {t('penalty.lock.lost')} <Money value={figures.totals.lost} />
          </li>
        )}
        {figures.payments.map((payment) => (
          <li key={payment.code}>
            {t('penalty.lock.toPay', { payment: payment.name ?? payment.code })} <strong><Money value={payment.amount} /></strong>
          </li>
        ))}
        {facts.entered !== undefined && <li>{t('penalty.lock.figures', { entered: facts.entered, defaulted: facts.defaulted })}</li>}
      </ul>
      <p>
        <strong>{t('penalty.lock.final')}</strong>
      </p>
    </>
  );
}
