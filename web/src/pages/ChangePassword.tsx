import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_RULES } from '../../../src/contract/passwordRules.ts';
import { passwordProblem, type PasswordProblem } from '../account/passwordErrors.ts';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage } from '../components/Status.tsx';

/**
 * One's own password: from the user menu, or at once after signing in with the temporary
 * password of an administrator's reset (`forced`), when nothing else is open until it is done.
 */
export function ChangePassword({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | 'mismatch' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setFailure(null);
    setDone(false);
    if (next !== again) return setProblem('mismatch');
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setAgain('');
      if (forced) {
        await refresh();
        navigate('/');
      } else setDone(true);
    } catch (error) {
      const known = passwordProblem(error);
      if (known) setProblem(known);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <form onSubmit={submit} aria-labelledby="password-title" className="password-form">
      <h1 id="password-title">{t('password.title')}</h1>
      {forced && <p>{t('password.forced')}</p>}
      <label>
        {t(forced ? 'password.temporary' : 'password.current')}
        <input name="currentPassword" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        {t('password.new')}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_RULES.minLength}
          maxLength={PASSWORD_RULES.maxLength}
          aria-describedby="password-rules"
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <p id="password-rules" className="muted">
        {t('password.rules', { min: PASSWORD_RULES.minLength })}
      </p>
      <label>
        {t('password.confirm')}
        <input name="confirmPassword" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      {problem && (
        <div role="alert" className="alert">
          <p>{problem === 'mismatch' ? t('password.mismatch') : t(problem.key, problem.params)}</p>
          {problem !== 'mismatch' && problem.advice.length > 0 && (
            <ul>
              {problem.advice.map((advice) => (
                <li key={advice}>{advice}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {done && <p role="status">{t('password.changed')}</p>}
      <button type="submit" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
  // Forced, it stands alone like the sign-in form: the rest of the app would answer nothing.
  return forced ? <main className="sign-in">{form}</main> : <section>{form}</section>;
}
