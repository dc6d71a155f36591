import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../i18n/format.ts';
import { useProgramme } from './programme.ts';

/** An amount in the programme's currency, formatted for the reader (BIF without decimals). */
export function Money({ value, signed = false }: { value: string | number | null; signed?: boolean }) {
  const { i18n } = useTranslation();
  const programme = useProgramme();
  if (value === null) return <span className="muted">—</span>;
  const amount = Number(value);
  const text = programme ? formatMoney(amount, programme.currency, i18n.language) : formatNumber(amount, i18n.language);
  return <span className="money-amount">{signed && amount > 0 ? `+${text}` : text}</span>;
}

/** A unit's name with its code, or the code alone until the name is known. */
export function UnitName({ id, names }: { id: string; names: ReadonlyMap<string, string> }) {
  const name = names.get(id);
  return name === undefined ? (
    <span className="code">{id}</span>
  ) : (
    <>
      {name} <span className="muted code">{id}</span>
    </>
  );
}
