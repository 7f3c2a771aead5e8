import type { RoundSubmissionsReadTable, RoundsReadTable } from '@chitieu/database';
import type { Selectable } from 'kysely';
import { builder } from '../graphql/builder.js';
import { visibleIn } from '../read/visible.js';
import { AS_OF_DESCRIPTION } from './as-of.js';
import { asDocument, LegalDocumentType } from './document.js';
import { read } from './reads.js';

type Submission = Selectable<RoundSubmissionsReadTable>;
type Level = { level: string; reporters: string; reportsTo: string; deadline: string; written?: string };
type RoundView = Selectable<RoundsReadTable> & { submissions: Submission[]; today: string };

const SubmissionType = builder.objectRef<Submission>('RoundSubmission').implement({
  fields: (t) => ({
    level: t.exposeString('level'),
    unit: t.exposeString('unit'),
    reportsTo: t.exposeString('reports_to', { nullable: true }),
    submittedOn: t.field({ type: 'Date', resolve: (row) => row.submitted_on }),
    late: t.exposeBoolean('late'),
    daysLate: t.exposeInt('days_late'),
  }),
});

const LevelType = builder.objectRef<Level & { submissions: Submission[]; overdue: boolean }>('RoundLevel').implement({
  description:
    'One step of a round: who reports to whom by when, what was submitted, and whether it is overdue with nothing in.',
  fields: (t) => ({
    level: t.exposeString('level'),
    reporters: t.exposeString('reporters'),
    reportsTo: t.exposeString('reportsTo'),
    deadline: t.field({ type: 'Date', resolve: (level) => level.deadline }),
    written: t.string({ nullable: true, resolve: (level) => level.written ?? null }),
    submissions: t.field({ type: [SubmissionType], resolve: (level) => level.submissions }),
    late: t.field({ type: [SubmissionType], resolve: (level) => level.submissions.filter((row) => row.late) }),
    overdueWithoutSubmission: t.boolean({ resolve: (level) => level.overdue && level.submissions.length === 0 }),
  }),
});

const RoundType = builder.objectRef<RoundView>('ReportingRound').implement({
  fields: (t) => ({
    round: t.exposeID('round'),
    province: t.exposeString('tenant'),
    document: t.field({ type: LegalDocumentType, nullable: true, resolve: (row) => asDocument(row.document) }),
    implements: t.exposeStringList('implements'),
    closedOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.closed_on }),
    outline: t.field({ type: 'JSON', resolve: (row) => row.outline }),
    levels: t.field({
      type: [LevelType],
      resolve: (row) => {
        const levels = row.levels as Level[];
        const sameLevel = (level: Level) => levels.filter((candidate) => candidate.level === level.level).length;
        return levels.map((level) => ({
          ...level,
          overdue: (row.closed_on ?? row.today) > level.deadline,
          submissions: row.submissions.filter(
            (submission) =>
              submission.level === level.level && (sameLevel(level) === 1 || submission.reports_to === level.reportsTo),
          ),
        }));
      },
    }),
  }),
});

builder.queryField('rounds', (t) =>
  t.field({
    type: [RoundType],
    description: "A province's reporting rounds, who submitted, and who is late.",
    authScopes: (_root, args) => ({ ministry: true, auditor: true, ownProvince: String(args.province) }),
    args: {
      province: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, context) =>
      read(context, args.asOf ?? undefined, async (scope) => {
        const tenant = String(args.province);
        const rounds = await scope.trx
          .selectFrom('rm_rounds')
          .selectAll()
          .where(visibleIn(scope))
          .where('tenant', '=', tenant)
          .orderBy('round')
          .execute();
        const submissions = await scope.trx
          .selectFrom('rm_round_submissions')
          .selectAll()
          .where(visibleIn(scope))
          .where('tenant', '=', tenant)
          .orderBy('submitted_on')
          .execute();
        const today = (args.asOf ?? new Date()).toISOString().slice(0, 10);
        return rounds.map((round) => ({
          ...round,
          today,
          submissions: submissions.filter((submission) => submission.round === round.round),
        }));
      }),
  }),
);
