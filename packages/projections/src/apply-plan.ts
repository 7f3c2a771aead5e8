import { assertNever, effectiveFrom, type PlanEvent, type Target } from '@chitieu/domain';
import type { RecordedEvent } from '@chitieu/event-store';
import type { ReadModelStore, Stamp } from './store.js';
import type { Touched } from './touched.js';
import { replaceVersion, without } from './versioned.js';

/** Plans, their targets (one row per version) and tasks. */
export async function applyPlan(
  store: ReadModelStore,
  stamp: Stamp,
  event: PlanEvent,
  recorded: RecordedEvent,
  touched: Touched,
): Promise<void> {
  const tenant = recorded.tenant;
  // Every event of a plan stream names the plan by its stream: `<tenant>/plan/<plan>`.
  const plan = recorded.stream.slice(recorded.stream.lastIndexOf('/') + 1);
  const actor = recorded.metadata.actor;
  switch (event.type) {
    case 'PlanAdopted': {
      const data = event.data;
      const from = effectiveFrom(data);
      await store.insert('rm_plans', stamp, {
        tenant,
        plan,
        stream: recorded.stream,
        document: data.document,
        implements: data.implements,
        period_from: data.period.from,
        period_to: data.period.to,
        baselines: data.baselines,
        budget: data.budget,
        effective_from: from,
        superseded_by: null,
        superseded_on: null,
        event_id: recorded.eventId,
      });
      for (const target of data.targets) {
        await store.insert('rm_targets', stamp, {
          tenant,
          plan,
          ...targetColumns(target),
          withdrawn: false,
          revision: 1,
          change_kind: 'adopted',
          effective_on: from,
          reason: null,
          document: data.document,
          event_id: recorded.eventId,
          actor,
        });
        touched.add(tenant, target.indicator);
      }
      for (const baseline of data.baselines) touched.add(tenant, baseline.indicator);
      return;
    }
    case 'TargetRevised':
    case 'TargetWithdrawn': {
      const data = event.data;
      const key = { tenant, plan, target: data.target };
      const current = await store.current('rm_targets', key);
      if (!current) return;
      const revised =
        event.type === 'TargetRevised'
          ? {
              comparator: event.data.comparator ?? current.comparator,
              value: event.data.value ?? current.value,
              unit: event.data.unit ?? current.unit,
              written: event.data.written ?? (event.data.value !== undefined ? null : current.written),
              year: event.data.year ?? current.year,
            }
          : { withdrawn: true };
      await replaceVersion(store, 'rm_targets', stamp, key, {
        ...without(current),
        ...revised,
        revision: (current.revision as number) + 1,
        change_kind: event.type === 'TargetRevised' ? 'revised' : 'withdrawn',
        effective_on: data.effectiveOn,
        reason: data.reason,
        document: data.document,
        event_id: recorded.eventId,
        actor,
      });
      touched.add(tenant, current.indicator as string);
      return;
    }
    case 'PlanTaskAdded': {
      const data = event.data;
      await store.insert('rm_plan_tasks', stamp, {
        tenant,
        plan,
        task: data.task,
        title: data.title,
        lead: data.lead,
        partners: data.partners,
        product: data.product,
        deadline: data.deadline,
        due_by: data.dueBy ?? null,
        status: 'open',
        reported_on: null,
        note: null,
      });
      return;
    }
    case 'PlanTaskReported': {
      const data = event.data;
      const key = { tenant, plan, task: data.task };
      const current = await store.current('rm_plan_tasks', key);
      if (!current) return;
      await replaceVersion(store, 'rm_plan_tasks', stamp, key, {
        ...without(current),
        status: data.status,
        reported_on: data.on,
        note: data.note ?? null,
      });
      return;
    }
    case 'PlanSuperseded': {
      const key = { tenant, plan };
      const current = await store.current('rm_plans', key);
      if (!current) return;
      await replaceVersion(store, 'rm_plans', stamp, key, {
        ...without(current),
        superseded_by: event.data.by,
        superseded_on: event.data.effectiveOn,
      });
      return;
    }
    default:
      assertNever(event);
  }
}

function targetColumns(target: Target): Record<string, unknown> {
  const common = { target: target.target, indicator: target.indicator, kind: target.kind, year: target.year };
  const empty = {
    comparator: null,
    value: null,
    unit: null,
    change: null,
    change_unit: null,
    baseline_year: null,
    text: null,
    written: null,
  };
  switch (target.kind) {
    case 'absolute':
      return {
        ...common,
        ...empty,
        comparator: target.comparator,
        value: target.value,
        unit: target.unit,
        written: target.written ?? null,
      };
    case 'relative':
      return {
        ...common,
        ...empty,
        comparator: target.comparator,
        change: target.change,
        change_unit: target.changeUnit,
        baseline_year: target.baselineYear,
        written: target.written ?? null,
      };
    case 'milestone':
      return { ...common, ...empty, text: target.text };
    default:
      return assertNever(target);
  }
}
