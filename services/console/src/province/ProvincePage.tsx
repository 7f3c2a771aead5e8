import { useEffect, useState } from 'react';
import type { ResultOf } from '../graphql.js';
import { useLanguage } from '../i18n/language.js';
import { QueryProblem } from '../layout/QueryProblem.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { MoreButton } from '../paging/MoreButton.js';
import { pageOf } from '../paging/pages.js';
import { PageReaders, usePages } from '../paging/use-pages.js';
import { useSession } from '../session/session.js';
import { useAsOf } from '../use-route.js';
import { AtGlance } from './AtGlance.js';
import { CorrectForm } from './CorrectForm.js';
import { ImportPanel } from './ImportPanel.js';
import { PlanCard } from './PlanCard.js';
import { PlansQuery, ProvinceIndicatorsQuery, ReportsQuery } from './queries.js';
import { ReportForm } from './ReportForm.js';
import { ReviseTargetForm } from './ReviseTargetForm.js';

type PlanNode = ResultOf<typeof PlansQuery>['plans']['edges'][number]['node'];
type ReportNode = ResultOf<typeof ReportsQuery>['reports']['edges'][number]['node'];

const plansPage = (data: ResultOf<typeof PlansQuery>) => pageOf(data.plans);
const reportsPage = (data: ResultOf<typeof ReportsQuery>) => pageOf(data.reports);

/**
 * A province's plans, progress and forms. Who may read it is the gateway's decision: another
 * province's page shows the gateway's refusal, not an empty page.
 */
export function ProvincePage({ province }: { province: string }) {
  const { t } = useLanguage();
  const { viewer } = useSession();
  const asOf = useAsOf();
  const variables = { province, asOf: asOf ?? null };
  const [plans] = useLiveQuery(PlansQuery, { ...variables, after: null }, { asOf });
  const planPages = usePages<PlanNode>(JSON.stringify(variables));
  const receivePlans = planPages.receive;
  // The first page of plans is read here (its name and refusal head the page); later ones below.
  useEffect(() => {
    if (plans.data) receivePlans(0, plansPage(plans.data));
  }, [plans.data, receivePlans]);
  // The correction form's indicator narrows the reports asked for, so the list stays short.
  const [indicator, setIndicator] = useState('');
  const reportVariables = { ...variables, indicator: indicator || null };
  const reports = usePages<ReportNode>(JSON.stringify(reportVariables));
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
  const nodes = planPages.nodes;
  const targets = nodes.flatMap((plan) =>
    plan.targets.filter((target) => !target.withdrawn).map((target) => ({ ...target, plan: plan.plan })),
  );

  return (
    <section aria-labelledby="province-title">
      <h1 id="province-title">{t('province.title', { province: name })}</h1>
      {!plans.data && <p>{t('loading')}</p>}
      <PageReaders pages={planPages} query={PlansQuery} variables={variables} asOf={asOf} select={plansPage} from={1} />
      <PageReaders pages={reports} query={ReportsQuery} variables={reportVariables} asOf={asOf} select={reportsPage} />
      {plans.data && <AtGlance statuses={targets.map((target) => target.progress?.status ?? 'no_data')} />}
      <div className="columns">
        <div className="plans">
          {nodes.map((plan) => (
            <PlanCard key={plan.id} plan={plan} tenant={province} readOnly={!canWrite || plan.inherited} />
          ))}
          <MoreButton pages={planPages} />
        </div>
        {viewer?.role === 'province' && (
          <aside className="forms" aria-label={t('form.report')}>
            <ReportForm province={province} indicators={indicators.data?.indicators ?? []} disabled={!canWrite} />
            <CorrectForm
              reports={reports.nodes}
              indicators={indicators.data?.indicators ?? []}
              indicator={indicator}
              onIndicator={setIndicator}
              disabled={!canWrite}
            >
              <MoreButton pages={reports} />
            </CorrectForm>
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
