import { useLanguage } from '../i18n/language.js';
import type { Pages } from './use-pages.js';

/** Says a list is partial, and asks for the next page when there is one to ask for. */
export function MoreButton<T>({ pages }: { pages: Pages<T> }) {
  const { t } = useLanguage();
  if (!pages.partial) return null;
  return (
    <p className="partial" role="status">
      {t('list.partial', { count: String(pages.nodes.length) })}{' '}
      {pages.next !== null && (
        <button type="button" className="secondary small" onClick={pages.more}>
          {t('list.more')}
        </button>
      )}
    </p>
  );
}
