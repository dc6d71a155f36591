import { ZxcvbnFactory, type FeedbackType } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import type { Locale } from '../../engine/index.ts';
import { AppError } from '../errors.ts';
import { PASSWORD_RULES } from '../../contract/passwordRules.ts';

/**
 * Passwords are judged by PASSWORD_RULES, not mostly the owner's names, and by zxcvbn, which
 * knows the common passwords, words and names of English and French, keyboard rows, repeats
 * and dates.
 */

/** A stored or requested language as one of the two the messages exist in (French by default). */
export const asLocale = (locale: string | undefined): Locale => (locale?.toLowerCase().startsWith('en') ? 'en' : 'fr');

export interface PasswordOwner {
  readonly username: string;
  readonly name: string;
}

export type WeakReason = 'tooShort' | 'tooLong' | 'personal' | 'guessable';

/** Why a password was refused, with zxcvbn's advice in the owner's language. */
export interface PasswordVerdict {
  readonly reason: WeakReason;
  readonly score: number;
  readonly warning: string | null;
  readonly suggestions: readonly string[];
}

/**
 * zxcvbn's matchers grow fast with the length of a repeated, l33t-spelt input (a 200-character
 * one took seconds): it reads only the first 64 characters, with at most 4 l33t substitutions,
 * which keeps the worst case within tens of milliseconds and still sees `P@$$w0rd`.
 */
const ANALYSED = { maxLength: 64, l33tMaxSubstitutions: 4 } as const;

/** Per process, not per database: a language's ranked dictionaries, the same for every database (pure memoisation). */
const factories = new Map<Locale, ZxcvbnFactory>();

/** Built on first use (about 150 ms: the dictionaries are ranked), once per language. */
function factoryFor(locale: Locale): ZxcvbnFactory {
  let factory = factories.get(locale);
  if (!factory) {
    factory = new ZxcvbnFactory({
      ...ANALYSED,
      translations: (locale === 'fr' ? fr : en).translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    });
    factories.set(locale, factory);
  }
  return factory;
}

/** The refusal of `password` for `owner`, or null when it will do. */
export function judgePassword(password: string, owner: PasswordOwner, locale: Locale): PasswordVerdict | null {
  const none = { score: 0, warning: null, suggestions: [] };
  if ([...password].length < PASSWORD_RULES.minLength) return { reason: 'tooShort', ...none };
  if ([...password].length > PASSWORD_RULES.maxLength) return { reason: 'tooLong', ...none };
  if (isPersonal(password, owner)) return { reason: 'personal', ...none };
  const result = factoryFor(locale).check(password, personalWords(owner));
  if (result.score >= PASSWORD_RULES.minScore) return null;
  return { reason: 'guessable', score: result.score, ...feedback(result.feedback) };
}

/** Throws a 400 WEAK_PASSWORD naming `field` unless `password` will do. */
export function checkPasswordStrength(password: string, owner: PasswordOwner, locale: Locale, field: string): void {
  const verdict = judgePassword(password, owner, locale);
  if (verdict) throw new AppError(400, 'WEAK_PASSWORD', `${field}: ${describeVerdict(verdict, locale)}`, { at: field, ...verdict });
}

const REASONS: Record<Locale, Record<WeakReason, string>> = {
  en: {
    tooShort: `too short: at least ${PASSWORD_RULES.minLength} characters`,
    tooLong: `too long: at most ${PASSWORD_RULES.maxLength} characters`,
    personal: 'must not contain the user name or the name',
    guessable: `too easy to guess (strength {score} of 4, at least ${PASSWORD_RULES.minScore} needed)`,
  },
  fr: {
    tooShort: `trop court : au moins ${PASSWORD_RULES.minLength} caractères`,
    tooLong: `trop long : au plus ${PASSWORD_RULES.maxLength} caractères`,
    personal: "ne doit contenir ni le nom d'utilisateur ni le nom",
    guessable: `trop facile à deviner (force {score} sur 4, il faut au moins ${PASSWORD_RULES.minScore})`,
  },
};

function describeVerdict(verdict: PasswordVerdict, locale: Locale): string {
  const reason = REASONS[locale][verdict.reason].replace('{score}', String(verdict.score));
  const sentences = [reason, verdict.warning, ...verdict.suggestions].filter((text): text is string => !!text);
  return sentences.map((text) => text.replace(/\.$/, '')).join('. ');
}

function feedback(given: FeedbackType): { warning: string | null; suggestions: string[] } {
  return { warning: given.warning || null, suggestions: given.suggestions };
}

/** Letters and digits only, lower case and without accents: `Jean-Marie` is `jeanmarie`. */
const folded = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * zxcvbn weighs user inputs as dictionary words among others, so a password made of the user
 * name or the name (`Hakizimana-hakizimana`, `jeanmarie1988`) can still score well: refused
 * when what is left without them is shorter than the minimum length.
 */
function isPersonal(password: string, owner: PasswordOwner): boolean {
  const parts = [owner.username, owner.name, ...owner.name.split(/\s+/)].map(folded).filter((part) => part.length >= 3);
  const rest = parts.sort((a, b) => b.length - a.length).reduce((text, part) => text.replaceAll(part, ''), folded(password));
  return rest.length < PASSWORD_RULES.minLength && rest.length < folded(password).length;
}

/** The words of the user name and name, which zxcvbn counts as easily guessed. */
function personalWords(owner: PasswordOwner): string[] {
  return [owner.username, ...owner.name.split(/[\s.'’-]+/)].map((word) => word.toLowerCase()).filter((word) => word.length >= 3);
}
