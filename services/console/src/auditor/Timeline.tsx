import { useState } from 'react';
import type { VariablesOf } from '../graphql.js';
import { useLanguage } from '../i18n/language.js';
import { QueryProblem } from '../layout/QueryProblem.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { withParams } from '../route.js';
import { useAsOf, useRoute } from '../use-route.js';
import { EventsQuery } from './queries.js';

type EventFilter = NonNullable<VariablesOf<typeof EventsQuery>['filter']>;

/**
 * One page of events (50, the most the cost limit allows with `data`), and the button to the next,
 * which renders the next page below it from this page's end cursor.
 */
function TimelinePage({ filter, after }: { filter: EventFilter; after: string | undefined }) {
  const { t, language } = useLanguage();
  const asOf = useAsOf();
  const [route, navigate] = useRoute();
  const variables = { filter, after: after ?? null, asOf: asOf ?? null };
  const [{ data, error }] = useLiveQuery(EventsQuery, variables, { asOf });
  const [more, setMore] = useState(false);
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p>{t('loading')}</p>;
  const { edges, pageInfo } = data.events;
  if (edges.length === 0 && !after) return <p>{t('audit.noEvents')}</p>;
  return (
    <>
      {edges.map(({ node }) => (
        <li key={node.eventId} className="event">
          <div className="event-head">
            <time dateTime={node.recordedAt}>
              {new Date(node.recordedAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}
            </time>
            <strong>{node.type}</strong>
            <span>{node.actor}</span>
            {node.documentNumber && <span className="document">{node.documentNumber}</span>}
            <span className="stream">{node.stream}</span>
            <button
              type="button"
              className="secondary small"
              // The instant just before this event: every page then shows the platform without it.
              onClick={() =>
                navigate(withParams(route, { asOf: new Date(Date.parse(node.recordedAt) - 1).toISOString() }))
              }
            >
              {t('audit.beforeThis')}
            </button>
          </div>
          <details>
            <summary>{t('audit.data')}</summary>
            <pre>{JSON.stringify(node.data, null, 2)}</pre>
          </details>
        </li>
      ))}
      {pageInfo.hasNextPage &&
        (more ? (
          <TimelinePage filter={filter} after={pageInfo.endCursor ?? undefined} />
        ) : (
          <li>
            <button type="button" className="secondary" onClick={() => setMore(true)}>
              {t('audit.more')}
            </button>
          </li>
        ))}
    </>
  );
}

/** A tenant's events in commit order, filtered; as of a past instant, only those recorded by then. */
export function Timeline({ filter }: { filter: EventFilter }) {
  const { t } = useLanguage();
  const asOf = useAsOf();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('audit.timeline')}</h2>
      <ol className="timeline">
        {/* Other filters or another instant start again from the first page, all "more" folded. */}
        <TimelinePage key={JSON.stringify([filter, asOf])} filter={filter} after={undefined} />
      </ol>
    </section>
  );
}
