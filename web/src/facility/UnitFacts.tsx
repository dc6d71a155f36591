import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { OrgUnit } from '../api/types.ts';

/** Who the unit is: code, level, groupsets, attributes, the dates it is open, what lies under it. */
export function UnitFacts({ unit, children }: { unit: OrgUnit; children: number | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const groups = Object.entries(unit.groups);
  const attributes = Object.entries(unit.attributes);
  return (
    <dl className="facts card">
      <div>
        <dt>{t('facility.code')}</dt>
        <dd className="code">{unit.id}</dd>
      </div>
      <div>
        <dt>{t('facility.level')}</dt>
        <dd>{unit.level}</dd>
      </div>
      {groups.map(([groupset, group]) => (
        <div key={`group-${groupset}`}>
          <dt>{groupset}</dt>
          <dd>{group}</dd>
        </div>
      ))}
      {attributes.map(([name, value]) => (
        <div key={`attribute-${name}`}>
          <dt>{name}</dt>
          <dd>{formatNumber(value, locale)}</dd>
        </div>
      ))}
      {(unit.validFrom || unit.validTo) && (
        <div>
          <dt>{t('facility.open')}</dt>
          <dd>
            {t('facility.openDates', {
              from: unit.validFrom ? formatDate(unit.validFrom, locale) : '…',
              to: unit.validTo ? formatDate(unit.validTo, locale) : '…',
            })}
          </dd>
        </div>
      )}
      {children !== undefined && children > 0 && (
        <div>
          <dt>{t('facility.under')}</dt>
          <dd>
            <Link to={`/org-units?parent=${encodeURIComponent(unit.id)}`}>{t('facility.units', { units: formatNumber(children, locale) })}</Link>
          </dd>
        </div>
      )}
    </dl>
  );
}
