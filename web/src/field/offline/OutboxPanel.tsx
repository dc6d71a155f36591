import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDateTime, formatNumber, formatPeriod } from '../../i18n/format.ts';
import type { OutboxEntry } from './outbox.ts';
import { outbox, useConflictResolution, useOutboxEntries, useSyncNow, useSyncStatus } from './outboxState.ts';
import { offlineSupport } from './registerServiceWorker.ts';
import { useOnline } from './useOnline.ts';

/** Names for codes, when the screen knows them (a facility's activities and packages). */
export type Describe = (entry: OutboxEntry) => string;

/**
 * What waits to be sent, the sync's progress and a button to sync now; below, each conflict
 * with both values to choose from, and each refused entry with the server's reason. Shows one
 * facility's entries, or all of the user's.
 */
export function OutboxPanel({ orgUnit, describe }: { orgUnit?: string; describe?: Describe }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const online = useOnline();
  const status = useSyncStatus();
  const syncNow = useSyncNow(me?.userId);
  const mine = useOutboxEntries(me?.userId).filter((entry) => orgUnit === undefined || entry.write.orgUnit === orgUnit);
  const waiting = mine.filter((entry) => entry.state === 'waiting');
  const conflicts = mine.filter((entry) => entry.state === 'conflict');
  const failed = mine.filter((entry) => entry.state === 'failed');
  const label = describe ?? ((entry: OutboxEntry) => defaultLabel(entry, t, i18n.language));
  const locale = i18n.language;

  return (
    <section className="card outbox" aria-labelledby="outbox-title">
      <div className="outbox-head">
        <h2 id="outbox-title">{t('field.outbox.title')}</h2>
        <span className={online ? 'badge' : 'badge warn'}>{online ? t('field.outbox.online') : t('field.outbox.offline')}</span>
        <span className="spacer" />
        <button type="button" className="secondary small" disabled={!online || status.running || waiting.length === 0} onClick={() => void syncNow()}>
          {t('field.outbox.syncNow')}
        </button>
      </div>
      <OfflineSupportNotice />
      {!online && <p className="warn">{t('field.outbox.offlineHelp')}</p>}
      <p role="status" aria-live="polite">
        <strong>{t('field.outbox.count', { count: waiting.length })}</strong>
        {status.running && status.total > 0 && <> · {t('field.outbox.sending', { done: status.done, total: status.total })}</>}
        {!status.running && status.last && status.last.stopped && <> · {t(`field.outbox.stopped.${status.last.stopped}`)}</>}
        {!status.running && status.last && !status.last.stopped && status.last.sent + status.last.conflicts + status.last.failed > 0 && (
          <> · {t('field.outbox.report', { sent: status.last.sent, conflicts: status.last.conflicts, failed: status.last.failed })}</>
        )}
      </p>
      {waiting.length > 0 && (
        <VirtualList
          items={waiting}
          label={t('field.outbox.list')}
          estimate={36}
          maxHeight="12rem"
          keyOf={(entry) => String(entry.id)}
          render={(entry) => (
            <div className="outbox-row">
              <span>{label(entry)}</span>
              <span className="muted">
                {formatPeriod(entry.write.period, locale)} · {t('field.outbox.savedAt', { when: formatDateTime(entry.queuedAt, locale) })}
              </span>
            </div>
          )}
        />
      )}
      {conflicts.map((entry) => (
        <Conflict key={entry.id} entry={entry} label={label(entry)} />
      ))}
      {failed.map((entry) => (
        <div key={entry.id} className="refused" role="group" aria-label={t('field.failed.title')}>
          <p>
            <strong>{t('field.failed.title')}</strong> — {label(entry)}, {formatPeriod(entry.write.period, locale)}
          </p>
          <ErrorMessage error={new ApiError(entry.problem?.status ?? 0, entry.problem?.code ?? 'NETWORK', entry.problem?.message ?? '')} />
          {entry.problem?.message && <p className="muted code">{entry.problem.message}</p>}
          <button type="button" className="secondary small" onClick={() => void outbox.discard(entry)}>
            {t('field.failed.discard')}
          </button>
        </div>
      ))}
      {mine.length === 0 && <p className="muted">{t('field.outbox.none')}</p>}
    </section>
  );
}

/** Said plainly where the browser will not keep the screens offline (plain HTTP), rather than failing at the facility. */
function OfflineSupportNotice() {
  const { t } = useTranslation();
  const support = offlineSupport();
  if (support === 'available') return null;
  return (
    <p className="warn" role="note">
      {t(`field.offlineSupport.${support}`)}
    </p>
  );
}

function Conflict({ entry, label }: { entry: OutboxEntry; label: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const resolve = useConflictResolution(me?.userId);
  const locale = i18n.language;
  if (entry.write.kind !== 'value') return null;
  const mine = formatNumber(entry.write.value, locale, 4);
  const current = entry.problem?.current;
  const what = `${label}, ${formatPeriod(entry.write.period, locale)}`;
  return (
    <div className="conflict" role="group" aria-label={t('field.conflict.title')}>
      <p>
        <strong>{t('field.conflict.title')}</strong>
      </p>
      <p>
        {current
          ? t('field.conflict.text', {
              what,
              mine,
              theirs: formatNumber(current.value, locale, 4),
              version: current.version,
              by: current.updatedBy ? `${current.updatedBy.name} (${current.updatedBy.username})` : t('field.conflict.system'),
              when: formatDateTime(current.updatedAt, locale),
            })
          : t('field.conflict.gone', { what, mine })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="small"
          onClick={() => void resolve.keepMine(entry)}
        >
          {t('field.conflict.keepMine', { value: mine })}
        </button>
        {current && (
          <button type="button" className="secondary small" onClick={() => void resolve.takeTheirs(entry)}>
            {t('field.conflict.takeTheirs', { value: formatNumber(current.value, locale, 4) })}
          </button>
        )}
      </div>
    </div>
  );
}

function defaultLabel(entry: OutboxEntry, t: TFunction, locale: string): string {
  const { write } = entry;
  if (write.kind === 'step') return t('field.outbox.stepLine', { orgUnit: write.orgUnit, package: write.package });
  return t('field.outbox.valueLine', { orgUnit: write.orgUnit, activity: write.activity, state: write.state, value: formatNumber(write.value, locale, 4) });
}
