/**
 * The messages of the first screen (sign-in, the loading line, and what to say when the next
 * screen cannot be fetched), bundled with it in both languages; the rest of en.ts comes with
 * the signed-in screens (index.ts).
 */
export const signInEn = {
  'app.name': 'OpenPBF',
  'app.tagline': 'Performance-based financing',
  'signIn.title': 'Sign in',
  'signIn.username': 'User name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.failed': 'Unknown user name or wrong password.',
  'signIn.tooMany': 'Too many attempts. Wait a minute and try again.',
  'signIn.locked': 'Too many wrong passwords for this account. Try again after {{time}}.',
  'app.loadFailed': 'The next screen could not be loaded from the server: check the connection, then retry.',
  'common.retry': 'Retry',
  'common.loading': 'Loading…',
} as const;
