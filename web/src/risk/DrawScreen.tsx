import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { reaches } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime, formatNumber, formatPeriod } from '../i18n/format.ts';
import { useUnitNames } from '../money/unitNames.ts';
import { ApplyDraw } from './ApplyDraw.tsx';
import { DrawFacts } from './DrawFacts.tsx';
import { DrawForm } from './DrawForm.tsx';
import { EntryList } from './EntryList.tsx';
import { useDrawsAround } from './queries.ts';
import type { Draw } from './types.ts';

interface DrawScreenProps {
  readonly programmeId: string;
  readonly root: string;
  readonly period: string;
  /** A draw of this subtree and period to show instead of the current one (a replaced one). */
  readonly drawId?: number | undefined;
  onShow(target: { root: string; period: string; draw?: number | undefined }): void;
}

type Notice = { readonly draw: Draw; readonly created: boolean };

/**
 * The draw of one subtree and period: made here by who may draw on the subtree, replaced
 * with a reason, applied; read by everyone in scope, with the draws it replaced and those of
 * overlapping subtrees.
 */
export function DrawScreen({ programmeId, root, period, drawId, onShow }: DrawScreenProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const { capability } = useSession();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [replacing, setReplacing] = useState(false);
  const unit = useQuery({
    queryKey: ['org-unit', programmeId, root],
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${programmeId}/org-units/${encodeURIComponent(root)}`),
  });
  const draws = useDrawsAround(programmeId, root, period);
  const rootNames = useUnitNames(programmeId, draws.data?.items.map((draw) => draw.rootOrgUnitId) ?? []);

  if (unit.error || draws.error) return <ErrorMessage error={unit.error ?? draws.error} onRetry={() => void (unit.refetch(), draws.refetch())} />;
  if (!unit.data || !draws.data) return <Loading />;

  const canDraw = reaches(capability('verification.draw'), unit.data.path);
  const own = draws.data.items.filter((draw) => draw.rootOrgUnitId === root && draw.period === period);
  const current = own.find((draw) => !draw.replacedAt);
  const replaced = own.filter((draw) => draw.replacedAt);
  const overlapping = draws.data.items.filter((draw) => draw.rootOrgUnitId !== root && !draw.replacedAt);
  const shown = own.find((draw) => draw.id === drawId) ?? current;
  const names = { name: unit.data.name, period: formatPeriod(period, locale) };
  const drawn = (draw: Draw, created: boolean) => {
    setNotice({ draw, created });
    setReplacing(false);
    onShow({ root, period });
  };

  return (
    <>
      {notice && (
        <p role="status" className={notice.created ? 'good' : 'warn'}>
          {notice.created
            ? t('risk.created', { id: notice.draw.id, drawn: formatNumber(notice.draw.counts.drawn, locale), facilities: formatNumber(notice.draw.counts.facilities, locale) })
            : t('risk.existing', { id: notice.draw.id, seed: notice.draw.seed })}
        </p>
      )}
      {shown ? (
        <section aria-labelledby="draw-title" className="draw">
          <h2 id="draw-title">{t('risk.drawOf', { id: shown.id, ...names })}</h2>
          {shown !== current && (
            <p className="banner">
              {t('risk.viewingReplaced')}
              <button type="button" className="link" onClick={() => onShow({ root, period })}>
                {t('risk.backToCurrent')}
              </button>
            </p>
          )}
          <DrawFacts draw={shown} />
          {/* Mounted while the draw is current, so that what an apply wrote stays in view once it is applied. */}
          {canDraw && shown === current && <ApplyDraw key={`apply-${current.id}`} programmeId={programmeId} draw={current} />}
          {canDraw && shown === current && !current.appliedAt && (
            <>
              {replacing ? (
                <DrawForm programmeId={programmeId} root={root} period={period} replacing={current} onDrawn={drawn} />
              ) : (
                <p>
                  <button type="button" className="secondary" onClick={() => setReplacing(true)}>
                    {t('risk.replaceOpen')}
                  </button>
                </p>
              )}
            </>
          )}
          <EntryList key={`entries-${shown.id}`} programmeId={programmeId} draw={shown} />
        </section>
      ) : canDraw ? (
        <>
          <p>{t('risk.noDraw', names)}</p>
          <DrawForm programmeId={programmeId} root={root} period={period} onDrawn={drawn} />
        </>
      ) : (
        <p>{t('risk.noDrawReader', names)}</p>
      )}
      {replaced.length > 0 && (
        <section aria-labelledby="replaced-title">
          <h2 id="replaced-title">{t('risk.replacedDraws')}</h2>
          <ul className="plain">
            {replaced.map((draw) => (
              <li key={draw.id}>
                {t('risk.replacedLine', { id: draw.id, seed: draw.seed, date: formatDateTime(draw.createdAt, locale), by: draw.replacedBy })}{' '}
                <button type="button" className="link" onClick={() => onShow({ root, period, draw: draw.id })} aria-label={t('risk.viewDraw', { id: draw.id })}>
                  {t('risk.view')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {overlapping.length > 0 && (
        <section aria-labelledby="overlapping-title">
          <h2 id="overlapping-title">{t('risk.overlapping')}</h2>
          <ul className="plain">
            {overlapping.map((draw) => (
              <li key={draw.id}>
                <button type="button" className="link" onClick={() => onShow({ root: draw.rootOrgUnitId, period: draw.period })}>
                  {t('risk.overlapLine', { id: draw.id, root: rootNames.get(draw.rootOrgUnitId) ?? draw.rootOrgUnitId, period: formatPeriod(draw.period, locale) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
