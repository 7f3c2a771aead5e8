import { useQuery } from 'urql';
import { useLanguage } from '../i18n/language.js';
import { QueryProblem } from '../layout/QueryProblem.js';
import { VerifyQuery } from './queries.js';

/** Walks the tenant's hash chain on request (it reads every event: not on every render). */
export function ChainCheck({ tenant }: { tenant: string }) {
  const { t } = useLanguage();
  const [{ data, error, fetching }, verify] = useQuery({ query: VerifyQuery, variables: { tenant }, pause: true });
  const result = data?.verifyChain;
  return (
    <section aria-labelledby="chain-title" className="card">
      <h2 id="chain-title">{t('audit.verify')}</h2>
      <button type="button" onClick={() => verify({ requestPolicy: 'network-only' })} disabled={fetching}>
        {t('audit.verify')}
      </button>
      {error && <QueryProblem error={error} />}
      {result && result.tenant === tenant && (
        <p role="status" className={result.ok ? 'chain-ok' : 'chain-broken'}>
          {result.ok
            ? t('audit.verified', { checked: result.checked, head: result.head ?? '' })
            : t('audit.broken', {
                kind: result.kind ?? '',
                event: result.eventId ?? '',
                message: result.message ?? '',
              })}
        </p>
      )}
    </section>
  );
}
