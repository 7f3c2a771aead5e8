import { indicatorDefined, indicatorRevised } from '../catalogue/events.js';
import { INDICATORS } from '../catalogue/indicators.js';
import {
  planAdopted,
  planSuperseded,
  planTaskAdded,
  planTaskReported,
  targetRevised,
  targetWithdrawn,
} from '../plan/events.js';
import { provinceRegistered, provinceRenamed, provincesMerged } from '../registry/events.js';
import { RESOLUTION_202_2025 } from '../registry/load-provinces-csv.js';
import { indicatorReported, reportCorrected } from '../report/events.js';
import { reportingRoundClosed, reportingRoundOpened, roundReportSubmitted } from '../round/events.js';
import { seed002 } from '../seed/fixtures/seed-002.js';
import { seed003 } from '../seed/fixtures/seed-003.js';
import { seed004 } from '../seed/fixtures/seed-004.js';
import type { CatalogueEntry } from './render-events.js';

const plan004 = seed004.plan as NonNullable<typeof seed004.plan>;
const round003 = seed003.rounds[0] as NonNullable<(typeof seed003.rounds)[0]>;
const doctors = INDICATORS.find((indicator) => indicator.code === 'doctors_per_10000');
// Examples marked "illustrative" are not in the seeds; every other example is seed data as loaded.
const illustrative = {
  number: 'illustrative',
  kind: 'Quyết định',
  issuer: 'UBND tỉnh Thái Nguyên',
  issuedOn: '2026-03-02',
};

/** Every event type, in the order of docs/events.md, with its stream, meaning and example. */
export const EVENT_CATALOGUE: readonly CatalogueEntry[] = [
  {
    definition: provinceRegistered,
    aggregate: 'registry',
    stream: 'national/registry',
    meaning:
      'A province exists from `validFrom` (null: before anything recorded), under a stable id that is not its code.',
    example: { province: 'kien-giang', code: '91', name: 'Kiên Giang', validFrom: null },
  },
  {
    definition: provinceRenamed,
    aggregate: 'registry',
    stream: 'national/registry',
    meaning: 'Same identity, new name from `effectiveOn`.',
    example: { province: 'thua-thien-hue', name: 'Huế', effectiveOn: '2025-07-01', legalBasis: RESOLUTION_202_2025 },
  },
  {
    definition: provincesMerged,
    aggregate: 'registry',
    stream: 'national/registry',
    meaning: 'The predecessors end the day before `effectiveOn`; the successor carries on their data as inherited.',
    example: {
      successor: 'thai-nguyen-2025',
      predecessors: ['bac-kan', 'thai-nguyen'],
      effectiveOn: '2025-07-01',
      legalBasis: RESOLUTION_202_2025,
    },
  },
  {
    definition: indicatorDefined,
    aggregate: 'catalogue',
    stream: 'national/indicators',
    meaning: 'An indicator of the catalogue: unit, direction, and how provinces combine.',
    example: doctors && { ...doctors, aliases: doctors.aliases.slice(0, 2) },
  },
  {
    definition: indicatorRevised,
    aggregate: 'catalogue',
    stream: 'national/indicators',
    meaning: 'The fields of an indicator that changed, why, and under which document; earlier versions stay.',
    example: {
      code: 'nurses_per_10000',
      aliases: ['Số điều dưỡng/vạn dân', 'điều dưỡng và hộ sinh/vạn dân', 'điều dưỡng viên/10.000 dân'],
      reason: 'illustrative: seed 004 writes "điều dưỡng viên/10.000 dân"',
    },
  },
  {
    definition: planAdopted,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'A province adopts a plan: its document, the resolutions it implements, baselines, targets and budget.',
    example: {
      ...plan004,
      province: 'kien-giang',
      baselines: plan004.baselines.slice(0, 2),
      targets: plan004.targets.slice(0, 3),
    },
  },
  {
    definition: targetRevised,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'A target gets a new value or comparator from `effectiveOn`, with the reason and the legal document.',
    example: {
      target: 't4',
      comparator: '>=',
      value: 20,
      written: '20 bác sĩ',
      reason: 'illustrative: a revision of Thái Nguyên’s 2030 target',
      document: illustrative,
      effectiveOn: '2026-03-02',
    },
  },
  {
    definition: targetWithdrawn,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'A target no longer applies from `effectiveOn`; it stays in the history.',
    example: { target: 't9', reason: 'illustrative', document: illustrative, effectiveOn: '2026-03-02' },
  },
  {
    definition: planTaskAdded,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'A task of the plan’s appendix: lead agency, partners, product and deadline as written.',
    example: seed004.tasks[0],
  },
  {
    definition: planTaskReported,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'A task is reported done, late or in progress on a date.',
    example: { task: 'task-1', status: 'done', on: '2019-12-20', note: 'illustrative' },
  },
  {
    definition: planSuperseded,
    aggregate: 'plan',
    stream: '<tenant>/plan/<slug of document number>',
    meaning: 'Another plan replaces this one from `effectiveOn`.',
    example: { by: 'kien-giang/plan/illustrative', document: illustrative, effectiveOn: '2026-03-02' },
  },
  {
    definition: indicatorReported,
    aggregate: 'report',
    stream: '<tenant>/report/<indicator>/<period>',
    meaning: 'A province’s figure for an indicator and period, with its status and source.',
    example: { ...seed002.reports[0], province: 'thai-nguyen-2025' },
  },
  {
    definition: reportCorrected,
    aggregate: 'report',
    stream: '<tenant>/report/<indicator>/<period>',
    meaning:
      'A new version of a reported figure that supersedes the one it names, with a reason; nothing is overwritten.',
    example: {
      ...seed002.reports[0],
      province: 'thai-nguyen-2025',
      status: 'final',
      corrects: '0196f1c2-8a40-7c3e-9d1a-3f5e2b7c9a10',
      reason: 'illustrative: the final figure replaces the estimate',
    },
  },
  {
    definition: reportingRoundOpened,
    aggregate: 'round',
    stream: '<tenant>/round/<id>',
    meaning: 'A reporting round with its levels, deadlines and the outline every report follows.',
    example: { ...round003, outline: round003.outline.slice(0, 1) },
  },
  {
    definition: roundReportSubmitted,
    aggregate: 'round',
    stream: '<tenant>/round/<id>',
    meaning: 'A unit submitted its report for a level; flagged late after the deadline, never refused.',
    example: {
      round: round003.round,
      level: 'district',
      unit: 'Huyện ủy (illustrative)',
      submittedOn: '2022-10-17',
      late: true,
      daysLate: 2,
    },
  },
  {
    definition: reportingRoundClosed,
    aggregate: 'round',
    stream: '<tenant>/round/<id>',
    meaning: 'No more submissions are recorded.',
    example: { round: round003.round, closedOn: '2022-11-15' },
  },
];
