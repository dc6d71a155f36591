/** The languages of the interface and of messages: a user's own is one of them. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
