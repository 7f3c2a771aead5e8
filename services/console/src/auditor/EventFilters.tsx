import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language.js';

export interface Filters {
  types: string;
  actor: string;
  from: string;
  to: string;
  document: string;
}

export const NO_FILTERS: Filters = { types: '', actor: '', from: '', to: '', document: '' };

/** The timeline's filters; applied together when the form is sent, so typing does not query per key. */
export function EventFilters({ initial, onApply }: { initial: Filters; onApply(filters: Filters): void }) {
  const { t } = useLanguage();
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form className="controls filters" onSubmit={submit} aria-label={t('audit.filters')}>
      <div className="field">
        <label htmlFor="filter-type">{t('audit.type')}</label>
        <input id="filter-type" value={filters.types} onChange={set('types')} placeholder="IndicatorReported" />
      </div>
      <div className="field">
        <label htmlFor="filter-actor">{t('audit.actor')}</label>
        <input id="filter-actor" value={filters.actor} onChange={set('actor')} />
      </div>
      <div className="field">
        <label htmlFor="filter-from">{t('audit.from')}</label>
        <input id="filter-from" type="datetime-local" step={1} value={filters.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('audit.to')}</label>
        <input id="filter-to" type="datetime-local" step={1} value={filters.to} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor="filter-document">{t('audit.document')}</label>
        <input id="filter-document" value={filters.document} onChange={set('document')} />
      </div>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
