import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web messages', () => {
  it('has every English key in French with the same placeholders', () => {
    expect(Object.keys(fr).filter((key) => !key.endsWith('_many')).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
  });

  it('has each plural form of a counted message that its language reads', () => {
    for (const [locale, messages] of [['en', en], ['fr', fr]] as const) {
      const counted = Object.keys(messages).filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length));
      const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const base of counted) for (const form of forms) expect(messages, `${locale} ${base}_${form}`).toHaveProperty([`${base}_${form}`]);
      for (const key of Object.keys(messages).filter((key) => /_(one|many)$/.test(key))) expect(messages, key).toHaveProperty([key.replace(/_(one|many)$/, '_other')]);
    }
  });
});
