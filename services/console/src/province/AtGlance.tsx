import { useLanguage } from '../i18n/language.js';
import { type Status, StatusBadge } from '../layout/StatusBadge.js';

const ORDER: Status[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'deteriorating',
  'no_data',
  'no_target',
];

/** How many of the province's targets are in each progress status. */
export function AtGlance({ statuses }: { statuses: readonly string[] }) {
  const { t } = useLanguage();
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return (
    <section aria-labelledby="glance-title" className="card glance">
      <h2 id="glance-title">{t('province.atGlance')}</h2>
      <ul>
        {ORDER.filter((status) => counts.has(status)).map((status) => (
          <li key={status}>
            <strong>{counts.get(status)}</strong> <StatusBadge status={status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
