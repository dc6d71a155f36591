import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, judgePassword } from './passwordStrength.ts';

const owner = { username: 'jmarie', name: 'Jean-Marie Hakizimana' };

describe('password strength', () => {
  it('refuses short, overlong, common and repetitive passwords', () => {
    expect(judgePassword('Xy7$kq2', owner, 'en')).toMatchObject({ reason: 'tooShort' });
    expect(judgePassword('Correct horse '.repeat(15), owner, 'en')).toMatchObject({ reason: 'tooLong' });
    for (const password of ['aaaaaaaaaa', 'Password1234', 'motdepasse123', 'azertyuiop', '1234567890', 'P@$$w0rd123']) {
      expect(judgePassword(password, owner, 'en'), password).toMatchObject({ reason: 'guessable' });
    }
  });

  it("refuses the owner's user name and name however written", () => {
    for (const password of ['jmarie-jmarie', 'HAKIZIMANA-hakizimana', 'jean marie 19 88 !']) {
      expect(judgePassword(password, owner, 'en'), password).toMatchObject({ reason: 'personal' });
    }
  });

  it('accepts a name within a long enough phrase, left to zxcvbn', () => {
    expect(judgePassword('jean-marie likes long evening walks', owner, 'en')).toBeNull();
  });

  it('accepts long phrases and random strings, the demo and test passwords among them', () => {
    for (const password of ['correct horse battery staple', 'openpbf-demo', 'soleil-pluie-42-velo', 'k7f2-m9qx-3ztp-8hwd']) {
      expect(judgePassword(password, owner, 'en'), password).toBeNull();
    }
  });

  it("gives zxcvbn's advice in French or English, naming the field", () => {
    expect(() => checkPasswordStrength('aaaaaaaaaa', owner, 'fr', 'newPassword')).toThrow(/^newPassword: trop facile à deviner \(force 0 sur 4, il faut au moins 3\)\. Les caractères répétés/);
    expect(() => checkPasswordStrength('aaaaaaaaaa', owner, 'en', 'newPassword')).toThrow(/^newPassword: too easy to guess .*Repeated characters like "aaa" are easy to guess\. Add more words/);
  });

  it('judges the first 64 characters only, which keeps zxcvbn fast on long repetitive input', () => {
    expect(judgePassword(`${'a'.repeat(64)}k7f2-m9qx-3ztp-8hwd`, owner, 'en')).toMatchObject({ reason: 'guessable' });
  });
});
