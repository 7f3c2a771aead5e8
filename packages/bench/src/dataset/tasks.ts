import type { Actor } from '@chitieu/domain';
import { addDays, type Context, type Draft, dateBetween, officeTime } from './context.js';
import type { Era } from './plans.js';
import type { Random } from './random.js';

/** Tasks per plan at scale 1 (the seed plan of Kiên Giang has 20). */
const TASKS_PER_PLAN = 6;

const TASKS: ReadonlyArray<{ title: string; lead: string; product: string }> = [
  { title: 'Xây dựng Đề án phát triển mạng lưới y tế cơ sở', lead: 'Sở Y tế', product: 'Đề án' },
  { title: 'Thành lập Trung tâm cấp cứu 115', lead: 'Sở Y tế', product: 'Quyết định thành lập' },
  { title: 'Triển khai hồ sơ sức khỏe điện tử cho người dân', lead: 'Sở Y tế', product: 'Hệ thống hồ sơ' },
  { title: 'Tuyên truyền về bảo hiểm y tế toàn dân', lead: 'Sở Thông tin và Truyền thông', product: 'Chương trình' },
  { title: 'Giáo dục thể chất và dinh dưỡng học đường', lead: 'Sở Giáo dục và Đào tạo', product: 'Kế hoạch' },
  {
    title: 'Hỗ trợ mua thẻ bảo hiểm y tế cho hộ cận nghèo',
    lead: 'Sở Lao động - Thương binh và Xã hội',
    product: 'Nghị quyết',
  },
  {
    title: 'Bảo đảm an toàn thực phẩm trong sản xuất nông nghiệp',
    lead: 'Sở Nông nghiệp và Phát triển nông thôn',
    product: 'Báo cáo',
  },
  {
    title: 'Phát triển phong trào thể dục, thể thao quần chúng',
    lead: 'Sở Văn hóa, Thể thao và Du lịch',
    product: 'Kế hoạch',
  },
];

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** How a task's deadline is written, and the last day it is due when the text names one. */
function deadline(random: Random, from: number, to: number): { deadline: string; dueBy?: string } {
  const year = random.int(from, to);
  switch (random.int(0, 2)) {
    case 0:
      return { deadline: 'Thực hiện hàng năm' };
    case 1:
      return { deadline: `Hoàn thành năm ${year}`, dueBy: `${year}-12-31` };
    default: {
      const quarter = random.int(1, 4);
      const end = ['03-31', '06-30', '09-30', '12-31'][quarter - 1] as string;
      return { deadline: `Quý ${QUARTERS[quarter - 1]}/${year}`, dueBy: `${year}-${end}` };
    }
  }
}

/**
 * A plan's tasks, added on the day it was issued, and their progress: about two in three are
 * reported in progress, half of those later done — or late, when reported after they were due.
 */
export function addTasks(
  random: Random,
  context: Context,
  plan: { province: string; plan: string; issuedOn: string; era: Era; actor: Actor },
): Draft[] {
  const drafts: Draft[] = [];
  const count = Math.max(1, Math.round(TASKS_PER_PLAN * context.scale));
  const firstYear = Number(plan.issuedOn.slice(0, 4));
  // The 2025 reform abolished districts: later plans name communes as partners.
  const local = plan.era.base < 2025 ? 'UBND các huyện, thị xã, thành phố' : 'UBND các xã, phường, đặc khu';
  for (let index = 0; index < count; index++) {
    const template = TASKS[index % TASKS.length] as (typeof TASKS)[number];
    const round = Math.floor(index / TASKS.length);
    const task = `task-${index + 1}`;
    const due = deadline(random, firstYear, plan.era.to);
    drafts.push({
      command: {
        type: 'AddPlanTask',
        tenant: plan.province,
        plan: plan.plan,
        data: {
          task,
          title: round === 0 ? template.title : `${template.title} (đợt ${round + 1})`,
          lead: template.lead,
          partners: ['Các sở, ban, ngành liên quan', local],
          product: template.product,
          ...due,
        },
      },
      actor: plan.actor,
      at: officeTime(random, plan.issuedOn, 9),
    });
    const start = addDays(plan.issuedOn, 30);
    if (start > plan.era.closes || !random.chance(0.65)) continue;
    const progressOn = dateBetween(random, start, plan.era.closes);
    drafts.push(progress(random, plan, task, 'in_progress', progressOn));
    const after = addDays(progressOn, 30);
    if (after > plan.era.closes || !random.chance(0.5)) continue;
    const doneOn = dateBetween(random, after, plan.era.closes);
    drafts.push(progress(random, plan, task, due.dueBy && doneOn > due.dueBy ? 'late' : 'done', doneOn));
  }
  return drafts;
}

function progress(
  random: Random,
  plan: { province: string; plan: string; actor: Actor },
  task: string,
  status: 'done' | 'late' | 'in_progress',
  on: string,
): Draft {
  return {
    command: {
      type: 'ReportPlanTask',
      tenant: plan.province,
      plan: plan.plan,
      data: { task, status, on, ...(random.chance(0.3) && { note: 'Theo báo cáo định kỳ của cơ quan chủ trì' }) },
    },
    actor: plan.actor,
    at: officeTime(random, on, 10),
  };
}
