import type { ResultOf } from '../graphql.js';
import { useLanguage } from '../i18n/language.js';
import { type Status, StatusBadge } from '../layout/StatusBadge.js';
import { TableScroll } from '../layout/TableScroll.js';
import { formatNumber } from '../numbers/parse-number.js';
import { MarkDoneButton } from './MarkDoneButton.js';
import type { PlansQuery } from './queries.js';

export type PlanNode = ResultOf<typeof PlansQuery>['plans']['edges'][number]['node'];

/** One plan: its document, targets with progress, tasks (each can be marked done) and budget. */
export function PlanCard({ plan, tenant, readOnly }: { plan: PlanNode; tenant: string; readOnly: boolean }) {
  const { t, language } = useLanguage();
  const total = plan.budget.reduce((sum, line) => sum + line.amount, 0);
  const headingId = `plan-${plan.id}`;
  return (
    <article className="card plan" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('province.plan', { number: plan.document.number })} <small>{plan.document.kind}</small>
      </h2>
      <p>
        {[
          plan.document.issuer,
          plan.document.issuedOn,
          t('province.period', { from: plan.periodFrom, to: plan.periodTo }),
        ]
          .filter(Boolean)
          .join(' · ')}
        {plan.inherited && <em> · {t('province.inherited')}</em>}
      </p>
      <TableScroll label={t('province.targets')}>
        <table>
          <caption>{t('province.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('province.indicator')}</th>
              <th scope="col">{t('province.year')}</th>
              <th scope="col">{t('ranking.target')}</th>
              <th scope="col">{t('ranking.status')}</th>
              <th scope="col">{t('ranking.document')}</th>
              <th scope="col">{t('province.revision')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.targets.map((target) => (
              <tr key={target.id} data-target={target.target}>
                <td>{target.target}</td>
                <th scope="row">
                  {target.indicator
                    ? language === 'vi'
                      ? target.indicator.nameVi
                      : target.indicator.nameEn
                    : target.indicatorCode}
                </th>
                <td>{target.year}</td>
                <td>
                  {target.value === null
                    ? (target.written ?? target.text ?? '—')
                    : `${target.comparator ?? ''} ${formatNumber(target.value, language)}`}
                </td>
                <td>{target.progress ? <StatusBadge status={target.progress.status as Status} /> : '—'}</td>
                <td>{target.document?.number ?? '—'}</td>
                <td>{target.revision}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {plan.tasks.length > 0 && (
        <TableScroll label={t('province.tasks')}>
          <table>
            <caption>{t('province.tasks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('province.task')}</th>
                <th scope="col">{t('province.deadline')}</th>
                <th scope="col">{t('province.lead')}</th>
                <th scope="col">{t('province.taskStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('province.markDone')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((task) => (
                <tr key={task.task}>
                  <th scope="row">{task.title}</th>
                  <td>{task.deadline}</td>
                  <td>{task.lead}</td>
                  <td>{t(`task.${task.status as 'open'}`)}</td>
                  <td>
                    {task.status !== 'done' && (
                      <MarkDoneButton tenant={tenant} plan={plan.plan} task={task.task} disabled={readOnly} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {plan.budget.length > 0 && (
        <TableScroll label={t('province.budget')}>
          <table>
            <caption>{t('province.budget')}</caption>
            <tbody>
              {plan.budget.map((line) => (
                <tr key={line.line}>
                  <th scope="row">{line.title}</th>
                  <td className="number">
                    {formatNumber(line.amount, language)} {line.unit}
                  </td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{t('province.budgetTotal')}</th>
                <td className="number">
                  {formatNumber(total, language)} {plan.budget[0]?.unit}
                </td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      )}
    </article>
  );
}
