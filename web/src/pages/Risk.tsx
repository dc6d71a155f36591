import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../api/session.tsx';
import { DrawScreen } from '../risk/DrawScreen.tsx';
import { lastCompletedMonth } from '../../../src/contract/periods.ts';
import { SubtreeForm } from '../risk/SubtreeForm.tsx';


/** Risk-based verification: the classes, the draw, and why each facility is where it is. */
export function Risk() {
  const { t } = useTranslation();
  const { capability, programmeId } = useSession();
  const [params, setParams] = useSearchParams();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  // Where the user's work starts: the subtree they may draw on, or else one they read.
  const root = params.get('root') ?? capability('verification.draw').roots[0] ?? capability('read').roots[0] ?? '';
  const period = params.get('period') ?? lastCompletedMonth();
  const drawId = Number(params.get('draw')) || undefined;
  const show = (next: { root: string; period: string; draw?: number | undefined }) =>
    setParams({ root: next.root, period: next.period, ...(next.draw ? { draw: String(next.draw) } : {}) });

  return (
    <section className="risk">
      <h1>{t('risk.title')}</h1>
      <p className="muted">{t('risk.intro')}</p>
      <SubtreeForm key={`${root}|${period}`} root={root} period={period} onShow={(nextRoot, nextPeriod) => show({ root: nextRoot, period: nextPeriod })} />
      {root && (
        <DrawScreen
          key={`${programmeId}|${root}|${period}`}
          programmeId={programmeId}
          root={root}
          period={period}
          drawId={drawId}
          onShow={show}
        />
      )}
    </section>
  );
}
