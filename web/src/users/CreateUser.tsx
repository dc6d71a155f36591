import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../src/contract/http.ts';
import type { createUser } from '../../../src/contract/api/users.ts';
import { LOCALES, type Locale } from '../../../src/contract/locales.ts';
import { PASSWORD_RULES } from '../../../src/contract/passwordRules.ts';
import { passwordProblem } from '../account/passwordErrors.ts';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import type { NewUser } from './api.ts';

/** A new user, without roles yet: user name, name, language and an initial password the server checks for strength. */
export function CreateUser() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<Locale>('fr');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: NewUser) => api.post<Answer<typeof createUser>>('/api/users', body),
    onSuccess: async (_answer, body) => {
      setCreated(body.username);
      setUsername('');
      setName('');
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const problem = create.error ? passwordProblem(create.error) : null;
  return (
    <form
      className="inline-form card"
      aria-labelledby="create-user-title"
      onSubmit={(event) => {
        event.preventDefault();
        setCreated(null);
        create.mutate({ username: username.trim(), name: name.trim(), locale, password });
      }}
    >
      <h2 id="create-user-title">{t('users.create.title')}</h2>
      <label className="inline">
        {t('users.username')}
        <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" aria-describedby="new-username-help" required />
      </label>
      <label className="inline">
        {t('users.name')}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
      </label>
      <label className="inline">
        {t('users.locale')}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {t(`users.locale.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        {t('users.create.password')}
        <input
          name="initialPassword"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={PASSWORD_RULES.minLength}
          maxLength={PASSWORD_RULES.maxLength}
          aria-describedby="new-password-rules"
          required
        />
      </label>
      <button type="submit" disabled={create.isPending}>
        {t('users.create.submit')}
      </button>
      <p id="new-username-help" className="muted small-text">
        {t('users.create.usernameHelp')}
      </p>
      <p id="new-password-rules" className="muted small-text">
        {t('password.rules', { min: PASSWORD_RULES.minLength })} {t('users.create.passwordHelp')}
      </p>
      {problem && (
        <div role="alert" className="alert">
          {/* The server's reason, about the new user's names rather than "your" own. */}
          <p>{problem.key === 'password.weak.personal' ? t('users.create.personal') : t(problem.key, problem.params)}</p>
          {problem.advice.length > 0 && (
            <ul>
              {problem.advice.map((advice) => (
                <li key={advice}>{advice}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {create.error && !problem && <ErrorMessage error={create.error} />}
      {created && (
        <p role="status" className="ok">
          {t('users.create.done', { username: created })}
        </p>
      )}
    </form>
  );
}
