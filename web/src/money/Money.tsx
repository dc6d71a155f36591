import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../i18n/format.ts';
import { useSession } from '../api/session.tsx';
import { usePaymentNames, useProgramme } from './programme.ts';

/** An amount in the programme's currency, formatted for the reader (BIF without decimals). */
export function Money({ value, signed = false }: { value: string | number | null; signed?: boolean }) {
  const { i18n } = useTranslation();
  const programme = useProgramme();
  if (value === null) return <span className="muted">—</span>;
  const amount = Number(value);
  const text = programme ? formatMoney(amount, programme.currency, i18n.language) : formatNumber(amount, i18n.language);
  return <span className="money-amount">{signed && amount > 0 ? `+${text}` : text}</span>;
}

/** A payment of the rules by its name, with its code in smaller type (the code alone while the rules load). */
export function PaymentName({ code }: { code: string }) {
  const { programmeId } = useSession();
  return <KnownName code={code} names={usePaymentNames(programmeId ?? '')} />;
}

/** A unit's name with its code, or the code alone until the name is known. */
export function UnitName({ id, names }: { id: string; names: ReadonlyMap<string, string> }) {
  return <KnownName code={id} names={names} />;
}

/** A name people know (a payment's, a unit's) with its code in smaller type, or the code alone until the name is known. */
export function KnownName({ code, names }: { code: string; names: ReadonlyMap<string, string> }) {
  const name = names.get(code);
  return name === undefined ? (
    <span className="code">{code}</span>
  ) : (
    <>
      {name} <span className="muted code">{code}</span>
    </>
  );
}
