import { useTranslation } from 'react-i18next';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatPeriod } from '../i18n/format.ts';
import type { RunError } from './runTypes.ts';
import { UnitName } from './Money.tsx';
import { useUnitNames } from './unitNames.ts';

/** Engine errors located by unit, period and activity, with the engine's message. */
export function RunErrors({ programmeId, errors, caption }: { programmeId: string; errors: readonly RunError[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const names = useUnitNames(programmeId, errors.flatMap((error) => (error.orgUnit ? [error.orgUnit] : [])));
  if (errors.length === 0) return null;
  return (
    <VirtualRows
      rows={errors}
      columns={5}
      caption={caption}
      head={
        <tr>
          <th scope="col">{t('money.col.unit')}</th>
          <th scope="col">{t('money.col.period')}</th>
          <th scope="col">{t('money.col.activity')}</th>
          <th scope="col">{t('money.col.error')}</th>
          <th scope="col">{t('money.col.where')}</th>
        </tr>
      }
      renderRow={(error, index, props) => (
        <tr key={index} {...props}>
          <td>{error.orgUnit ? <UnitName id={error.orgUnit} names={names} /> : '—'}</td>
          <td>{error.period ? formatPeriod(error.period, i18n.language) : '—'}</td>
          <td className="code">{error.activity ?? '—'}</td>
          <td>
            <span className="badge warn">{error.code}</span> {error.message}
          </td>
          <td className="code">{error.at}</td>
        </tr>
      )}
    />
  );
}
