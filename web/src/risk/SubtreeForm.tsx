import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { isEntryPeriod } from '../../../src/contract/periods.ts';

/** Which draw to look at: a subtree root in the user's scope and a month or quarter. */
export function SubtreeForm({ root, period, onShow }: { root: string; period: string; onShow: (root: string, period: string) => void }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(root);
  const [draft, setDraft] = useState(period);
  const [badPeriod, setBadPeriod] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = draft.trim().toUpperCase();
    setBadPeriod(!isEntryPeriod(chosen));
    if (isEntryPeriod(chosen) && unit.trim()) onShow(unit.trim(), chosen);
  };
  return (
    <form className="inline-form subtree-form" onSubmit={submit} noValidate>
      <UnitPicker label={t('risk.root')} hint={t('risk.rootHelp')} value={unit} onChange={setUnit} />
      <div className="field">
        <label htmlFor="draw-period">{t('risk.period')}</label>
        <input
          id="draw-period"
          className="period"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={badPeriod ? true : undefined}
          aria-describedby="draw-period-hint"
          autoComplete="off"
        />
        <span id="draw-period-hint" className={badPeriod ? 'bad small-text' : 'muted small-text'}>
          {badPeriod ? t('risk.badPeriod', { period: draft }) : t('risk.periodHelp')}
        </span>
      </div>
      <button type="submit">{t('risk.show')}</button>
    </form>
  );
}
