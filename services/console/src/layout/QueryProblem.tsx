import type { CombinedError } from '@urql/core';
import { useLanguage } from '../i18n/language.js';

/** A read that failed: a refusal (FORBIDDEN, UNAUTHENTICATED) says so in words, anything else is an error. */
export function QueryProblem({ error }: { error: CombinedError }) {
  const { t } = useLanguage();
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const message = first?.message ?? error.message;
  const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
  return (
    <p role="alert" className={refused ? 'refused' : 'problem'} data-code={String(code ?? '')}>
      {refused ? t('refused', { message }) : t('error', { message })}
    </p>
  );
}
