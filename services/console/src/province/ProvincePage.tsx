import { useLanguage } from '../i18n/language.js';
import { QueryProblem } from '../layout/QueryProblem.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { useSession } from '../session/session.js';
import { useAsOf } from '../use-route.js';
import { AtGlance } from './AtGlance.js';
import { CorrectForm } from './CorrectForm.js';
import { ImportPanel } from './ImportPanel.js';
import { PlanCard } from './PlanCard.js';
import { PlansQuery, ProvinceIndicatorsQuery, ReportsQuery } from './queries.js';
import { ReportForm } from './ReportForm.js';
import { ReviseTargetForm } from './ReviseTargetForm.js';

/**
 * A province's plans, progress and forms. Who may read it is the gateway's decision: another
 * province's page shows the gateway's refusal, not an empty page.
 */
export function ProvincePage({ province }: { province: string }) {
  const { t } = useLanguage();
  const { viewer } = useSession();
  const asOf = useAsOf();
  const variables = { province, asOf: asOf ?? null };
  const [plans] = useLiveQuery(PlansQuery, variables, { asOf });
  const [reports] = useLiveQuery(ReportsQuery, variables, { asOf });
  const [indicators] = useLiveQuery(ProvinceIndicatorsQuery, { asOf: asOf ?? null }, { asOf });
  // Only the province itself writes (the gateway would refuse anyone else), and never in the past.
  const canWrite = viewer?.role === 'province' && !asOf;
  const name = plans.data?.province?.name ?? province;

  if (plans.error) {
    return (
      <section aria-labelledby="province-title">
        <h1 id="province-title">{t('province.title', { province: name })}</h1>
        <QueryProblem error={plans.error} />
      </section>
    );
  }
  const nodes = plans.data?.plans.edges.map((edge) => edge.node) ?? [];
  const targets = nodes.flatMap((plan) =>
    plan.targets.filter((target) => !target.withdrawn).map((target) => ({ ...target, plan: plan.plan })),
  );
  const reportNodes = reports.data?.reports.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="province-title">
      <h1 id="province-title">{t('province.title', { province: name })}</h1>
      {!plans.data && <p>{t('loading')}</p>}
      {reports.error && <QueryProblem error={reports.error} />}
      {plans.data && <AtGlance statuses={targets.map((target) => target.progress?.status ?? 'no_data')} />}
      <div className="columns">
        <div className="plans">
          {nodes.map((plan) => (
            <PlanCard key={plan.id} plan={plan} tenant={province} readOnly={!canWrite || plan.inherited} />
          ))}
        </div>
        {viewer?.role === 'province' && (
          <aside className="forms" aria-label={t('form.report')}>
            <ReportForm province={province} indicators={indicators.data?.indicators ?? []} disabled={!canWrite} />
            <CorrectForm reports={reportNodes} disabled={!canWrite} />
            <ReviseTargetForm
              province={province}
              targets={targets.filter((target) => !nodes.find((plan) => plan.plan === target.plan)?.inherited)}
              disabled={!canWrite}
            />
            <ImportPanel province={province} disabled={!canWrite} />
          </aside>
        )}
      </div>
    </section>
  );
}
