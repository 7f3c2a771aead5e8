import { useLanguage } from '../i18n/language.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { withParams } from '../route.js';
import { useAsOf, useRoute } from '../use-route.js';
import { ChainCheck } from './ChainCheck.js';
import { EventFilters, type Filters, NO_FILTERS } from './EventFilters.js';
import { HistoryPanel } from './HistoryPanel.js';
import { TenantsQuery } from './queries.js';
import { Timeline } from './Timeline.js';

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The auditor's page: a tenant's timeline with filters, the history of its figures, its chain. */
export function AuditorPage() {
  const { t } = useLanguage();
  const [route, navigate] = useRoute();
  const asOf = useAsOf();
  const tenant = route.params.get('tenant') ?? 'thai-nguyen-2025';
  const filters: Filters = {
    types: route.params.get('types') ?? '',
    actor: route.params.get('actor') ?? '',
    from: route.params.get('from') ?? '',
    to: route.params.get('to') ?? '',
    document: route.params.get('document') ?? '',
  };
  const [tenants] = useLiveQuery(TenantsQuery, { asOf: asOf ?? null }, { asOf });
  const to = iso(filters.to);
  const filter = {
    tenant,
    ...(filters.types && { types: filters.types.split(/[\s,]+/u).filter(Boolean) }),
    ...(filters.actor && { actor: filters.actor }),
    ...(filters.from && { from: iso(filters.from) }),
    ...(to && { to }),
    ...(filters.document && { document: filters.document }),
  };
  const provinces = tenants.data?.provinces.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <div className="controls">
        <div className="field">
          <label htmlFor="tenant">{t('audit.tenant')}</label>
          <select
            id="tenant"
            value={tenant}
            onChange={(event) => navigate(withParams(route, { tenant: event.target.value }))}
          >
            <option value="national">{t('audit.national')}</option>
            {provinces.map((province) => (
              <option key={province.id} value={province.id}>
                {province.name} ({province.id})
              </option>
            ))}
          </select>
        </div>
      </div>
      <ChainCheck tenant={tenant} />
      <EventFilters
        key={route.params.toString()}
        initial={{ ...NO_FILTERS, ...filters }}
        onApply={(next) => navigate(withParams(route, { ...next }))}
      />
      <div className="columns">
        <Timeline filter={filter} />
        {tenant !== 'national' && <HistoryPanel province={tenant} />}
      </div>
    </section>
  );
}
