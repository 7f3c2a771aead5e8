import { useLanguage } from '../i18n/language.js';
import { useLive } from './live-events.js';

/** The events recorded since the page opened, newest first; screen readers hear each one. */
export function LiveIndicator() {
  const { t } = useLanguage();
  const { events } = useLive();
  const newest = events[0];
  return (
    <details className="live">
      <summary>
        <span className={`dot${events.length > 0 ? ' on' : ''}`} aria-hidden="true" />
        {events.length > 0 ? t('live.new', { count: events.length }) : t('live.label')}
      </summary>
      <div aria-live="polite" className="visually-hidden">
        {newest && t('live.announce', { type: newest.type, tenant: newest.tenant })}
      </div>
      {events.length === 0 ? (
        <p>{t('live.none')}</p>
      ) : (
        <ul className="live-list">
          {events.map((event) => (
            <li key={event.eventId}>
              <time dateTime={event.recordedAt}>{new Date(event.recordedAt).toLocaleTimeString()}</time>{' '}
              <strong>{event.type}</strong> · {event.tenant} · {event.actor}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
