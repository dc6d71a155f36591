import type { i18n as I18n, TFunction } from 'i18next';

/** A data state in the reader's language when it is a usual one (declared, points…), its code otherwise. */
export function stateLabel(t: TFunction, i18n: I18n, state: string): string {
  const key = `field.state.${state}`;
  return i18n.exists(key) ? t(key as 'field.state.declared') : state;
}
