import { useLanguage } from '../i18n/language.js';
import { withParams } from '../route.js';
import { useRoute } from '../use-route.js';

/** `2026-01-02T03:04:05` in the browser's time zone, as a datetime-local input shows it. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

/** The instant every page is read at: every read of the gateway takes `asOf`. Kept in the URL. */
export function AsOfControl() {
  const { t } = useLanguage();
  const [route, navigate] = useRoute();
  const asOf = route.params.get('asOf');
  return (
    <div className="as-of">
      <label htmlFor="as-of">{t('asOf.label')}</label>
      <input
        id="as-of"
        type="datetime-local"
        step={1}
        value={asOf ? toLocalInput(asOf) : ''}
        aria-describedby="as-of-help"
        onChange={(event) => {
          const value = event.target.value;
          navigate(withParams(route, { asOf: value ? new Date(value).toISOString() : undefined }));
        }}
      />
      <span id="as-of-help" className="visually-hidden">
        {t('asOf.help')}
      </span>
      {asOf && (
        <button type="button" className="secondary" onClick={() => navigate(withParams(route, { asOf: undefined }))}>
          {t('asOf.now')}
        </button>
      )}
    </div>
  );
}
