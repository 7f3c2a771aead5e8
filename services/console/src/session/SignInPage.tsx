import { type FormEvent, useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language.js';
import { useSession } from './session.js';

type DevTokens = Record<'ministry' | 'province' | 'auditor', string>;

/** A token pasted, or in development one click per role (the gateway offers the tokens only there). */
export function SignInPage() {
  const { t } = useLanguage();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>();
  const [devTokens, setDevTokens] = useState<DevTokens | undefined>();

  useEffect(() => {
    // 404 in production: the route does not exist there, and the buttons do not appear.
    fetch('/console/dev-tokens')
      .then((response) => (response.ok ? (response.json() as Promise<DevTokens>) : undefined))
      .then(setDevTokens, () => setDevTokens(undefined));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(await signIn(token));
  };

  return (
    <section aria-labelledby="sign-in-title" className="card narrow">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">{t('signIn.token')}</label>
        <textarea
          id="token"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby="token-help token-error"
          aria-invalid={refusal !== undefined}
          rows={3}
          required
        />
        <p id="token-help" className="help">
          {t('signIn.tokenHelp')}
        </p>
        {refusal && (
          <p id="token-error" className="field-error" role="alert">
            {t('signIn.failed', { message: refusal })}
          </p>
        )}
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      {devTokens && (
        <div className="dev-sign-in">
          <h2>{t('signIn.dev')}</h2>
          {(['ministry', 'province', 'auditor'] as const).map((role) => (
            <button
              key={role}
              type="button"
              className="secondary"
              onClick={async () => setRefusal(await signIn(devTokens[role]))}
            >
              {t('signIn.as', { role: t(`role.${role}`) })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
