import { useLanguage } from '../i18n/language.js';

/** Says a list is partial, and asks for the next page when there is one to ask for. */
export function MoreButton({
  partial,
  count,
  more,
  canMore,
}: {
  partial: boolean;
  count: number;
  more: () => void;
  canMore: boolean;
}) {
  const { t } = useLanguage();
  if (!partial) return null;
  return (
    <p className="partial" role="status">
      {t('list.partial', { count: String(count) })}{' '}
      {canMore && (
        <button type="button" className="secondary small" onClick={more}>
          {t('list.more')}
        </button>
      )}
    </p>
  );
}
