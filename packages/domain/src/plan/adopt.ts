import type { FieldIssue } from '@chitieu/errors';
import { checkFigure, checkProvinceOpen } from '../shared/checks.js';
import type { DecisionContext } from '../shared/decider.js';
import { invalid } from '../shared/errors.js';
import type { IndicatorInfo, Reference } from '../shared/reference.js';
import { slugify } from '../shared/slug.js';
import { convertible } from '../shared/units.js';
import type { AdoptPlan } from './commands.js';
import { type PlanAdoptedData, type PlanEvent, planAdopted } from './events.js';
import type { PlanState } from './evolve.js';
import { checkActor, parseData, todayInVietnam } from './guards.js';

/**
 * AdoptPlan → PlanAdopted. Refuses, in this order: an actor who may not decide (FORBIDDEN); a plan
 * already adopted on this stream (VALIDATION_FAILED at `document.number`); data that does not fit the
 * event's schema (every issue); a province that had ended when the document was issued, or whose
 * period lies wholly after its end (PROVINCE_MERGED, naming the successor); then every rule below,
 * all issues gathered into one VALIDATION_FAILED.
 */
export function decideAdoptPlan(
  command: AdoptPlan,
  state: PlanState,
  context: DecisionContext<Reference>,
): PlanEvent[] {
  checkActor(context.actor, command.tenant, context.reference);
  if (state.status === 'adopted') {
    const message = `a plan numbered ${state.document.number} already exists in this province (${state.plan})`;
    throw invalid({ path: 'document.number', message });
  }
  const issues: FieldIssue[] = [];
  const plan = slugify(String(command.data?.document?.number ?? ''));
  const parsed = parseData(planAdopted.schema, { ...command.data, plan }, issues);
  if (!parsed) {
    // `plan` is derived, so its only possible fault is a number with no letter or digit in it.
    throw invalid(issues.map((issue) => (issue.path === 'plan' ? { ...issue, path: 'document.number' } : issue)));
  }
  checkProvince(parsed, command.tenant, context, issues);
  checkDates(parsed, context.now, issues);
  checkBaselines(parsed, context.reference, issues);
  checkTargets(parsed, context.reference, issues);
  checkBudget(parsed, issues);
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'PlanAdopted', data: parsed }];
}

function checkProvince(
  data: PlanAdoptedData,
  tenant: string,
  context: DecisionContext<Reference>,
  issues: FieldIssue[],
) {
  if (data.province !== tenant) {
    issues.push({ path: 'province', message: `a plan of ${data.province} cannot be adopted in ${tenant}'s data` });
    return;
  }
  if (!context.reference.province(data.province)) {
    issues.push({ path: 'province', message: `unknown province ${JSON.stringify(data.province)}` });
    return;
  }
  const issuedOn = data.document.issuedOn;
  if (issuedOn !== undefined) {
    const issued = checkProvinceOpen(
      context.reference,
      data.province,
      { from: issuedOn, to: issuedOn },
      'document.issuedOn',
    );
    if (issued) issues.push(issued);
  }
  const years = { from: `${data.period.from}-01-01`, to: `${data.period.to}-12-31` };
  const period = checkProvinceOpen(context.reference, data.province, years, 'period');
  if (period) issues.push(period);
}

function checkDates(data: PlanAdoptedData, now: Date, issues: FieldIssue[]) {
  const issuedOn = data.document.issuedOn;
  if (issuedOn !== undefined && issuedOn > todayInVietnam(now)) {
    const message = `${issuedOn} is in the future: a plan is recorded once issued`;
    issues.push({ path: 'document.issuedOn', message, code: 'date_in_future', params: { date: issuedOn } });
  }
  if (data.period.from > data.period.to) {
    issues.push({
      path: 'period',
      message: `the period starts in ${data.period.from}, after it ends (${data.period.to})`,
    });
  }
}

function checkBaselines(data: PlanAdoptedData, reference: Reference, issues: FieldIssue[]) {
  const seen = new Set<string>();
  data.baselines.forEach((baseline, index) => {
    const path = `baselines.${index}`;
    checkFigure(reference, baseline, path, issues);
    if (baseline.year > data.period.to) {
      const message = `a baseline of ${baseline.year} lies after the plan's period (${data.period.from}–${data.period.to})`;
      issues.push({ path: `${path}.year`, message });
    }
    const key = JSON.stringify([baseline.indicator, baseline.year]);
    if (seen.has(key)) {
      issues.push({ path: `${path}.year`, message: `a second baseline of ${baseline.indicator} for ${baseline.year}` });
    }
    seen.add(key);
  });
}

/**
 * A milestone ("Trung tâm cấp cứu 115 được thành lập") has no figure, so an indicator measured in
 * `milestone` takes only milestone targets. The converse does not hold: documents set qualitative
 * steps on measured indicators ("100% Trạm Y tế có 4 - 5 bác sĩ" on the share of stations with a
 * doctor), and a plan must hold what its document says.
 */
function isMilestone(indicator: IndicatorInfo): boolean {
  return indicator.unit === 'milestone';
}

function checkTargets(data: PlanAdoptedData, reference: Reference, issues: FieldIssue[]) {
  const ids = new Set<string>();
  data.targets.forEach((target, index) => {
    const path = `targets.${index}`;
    if (ids.has(target.target))
      issues.push({ path: `${path}.target`, message: `target id ${target.target} is used twice` });
    ids.add(target.target);
    if (target.year < data.period.from || target.year > data.period.to) {
      const message = `${target.year} lies outside the plan's period (${data.period.from}–${data.period.to})`;
      issues.push({ path: `${path}.year`, message });
    }
    const figure = target.kind === 'absolute' ? target : { indicator: target.indicator };
    const indicator = checkFigure(reference, figure, path, issues);
    if (indicator && isMilestone(indicator) && target.kind !== 'milestone') {
      const message = `${indicator.code} is a milestone: its target is a text, met or not`;
      issues.push({ path: `${path}.kind`, message });
    }
    if (target.kind !== 'relative') return;
    if (indicator && target.changeUnit !== 'percent_of_baseline' && !convertible(target.changeUnit, indicator.unit)) {
      const message = `${indicator.code} is measured in ${indicator.unit}; a change in ${target.changeUnit} cannot be applied`;
      issues.push({ path: `${path}.changeUnit`, message });
    }
    if (target.changeUnit === 'percent_of_baseline' && target.change < -100) {
      issues.push({ path: `${path}.change`, message: `a change of ${target.change}% would go below zero` });
    }
    if (target.baselineYear >= target.year) {
      const message = `the baseline year ${target.baselineYear} must come before the target year ${target.year}`;
      issues.push({ path: `${path}.baselineYear`, message });
    } else if (!data.baselines.some((b) => b.indicator === target.indicator && b.year === target.baselineYear)) {
      const message = `no baseline of ${target.indicator} for ${target.baselineYear} in the plan's baselines`;
      issues.push({ path: `${path}.baselineYear`, message });
    }
  });
}

function checkBudget(data: PlanAdoptedData, issues: FieldIssue[]) {
  const lines = new Set<string>();
  data.budget.forEach((line, index) => {
    if (lines.has(line.line))
      issues.push({ path: `budget.${index}.line`, message: `budget line ${line.line} is used twice` });
    lines.add(line.line);
  });
}
