import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import type { InvoiceDetail } from './records.ts';

/**
 * Every value the run computed for the invoice's unit; each opens its provenance. A filter
 * by name, since a facility with forty activities has a few hundred values.
 */
export function InvoiceValues({
  values,
  selected,
  onExplain,
}: {
  values: InvoiceDetail['values'];
  selected: { name: string; period: string } | null;
  onExplain: (name: string, period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const shown = filter ? values.filter((value) => value.name.toLowerCase().includes(filter.toLowerCase())) : values;
  return (
    <>
      <label className="inline">
        {t('money.values.filter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <VirtualRows
        rows={shown}
        columns={3}
        estimate={36}
        className="list values-list"
        head={
          <tr>
            <th scope="col">{t('money.values.name')}</th>
            <th scope="col">{t('money.col.period')}</th>
            <th scope="col" className="number">{t('money.values.value')}</th>
          </tr>
        }
        renderRow={(value, _index, props) => {
          const current = selected?.name === value.name && selected.period === value.period;
          return (
            <tr key={`${value.period}/${value.name}`} {...props} className={current ? 'selected' : undefined}>
              <th scope="row" className="code">
                {value.name}
              </th>
              <td>{formatPeriod(value.period, i18n.language)}</td>
              <td className="number">
                <button
                  type="button"
                  className="link"
                  aria-pressed={current}
                  aria-label={t('money.values.explain', { name: value.name, period: formatPeriod(value.period, i18n.language) })}
                  onClick={() => onExplain(value.name, value.period)}
                >
                  {value.value === null ? '—' : formatNumber(value.value, i18n.language, 6)}
                </button>
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
