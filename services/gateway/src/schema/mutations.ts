import type { Actor } from '@chitieu/domain';
import { formatCheckpoint } from '@chitieu/event-store';
import { builder } from '../graphql/builder.js';
import { inputFromZod } from '../graphql/zod-input.js';
import { COMMAND_INPUTS, type CommandScope, toCommand } from './command-inputs.js';

interface Outcome {
  stream: string | null;
  position: string | null;
  projected: boolean;
  events: Array<{ eventId: string; type: string; data: unknown; position: string; recordedAt: Date }>;
}

const RecordedType = builder.objectRef<Outcome['events'][number]>('RecordedEvent').implement({
  fields: (t) => ({
    eventId: t.exposeID('eventId'),
    type: t.exposeString('type'),
    data: t.field({ type: 'JSON', resolve: (event) => event.data }),
    position: t.field({ type: 'Position', resolve: (event) => event.position }),
    recordedAt: t.field({ type: 'DateTime', resolve: (event) => event.recordedAt }),
  }),
});

const OutcomeType = builder.objectRef<Outcome>('CommandOutcome').implement({
  description:
    'What a command recorded. `projected` is true when the read models already include it, so a query sent next reads this write.',
  fields: (t) => ({
    stream: t.exposeString('stream', { nullable: true }),
    position: t.field({ type: 'Position', nullable: true, resolve: (outcome) => outcome.position }),
    projected: t.exposeBoolean('projected'),
    events: t.field({ type: [RecordedType], resolve: (outcome) => outcome.events }),
  }),
});

const SCOPES: Record<CommandScope, { ministry?: boolean; province?: boolean }> = {
  ministry: { ministry: true },
  province: { province: true },
  ministry_or_province: { ministry: true, province: true },
};

for (const input of COMMAND_INPUTS) {
  const Input = inputFromZod(builder, `${input.type}Input`, input.schema);
  builder.mutationField(input.field, (t) =>
    t.field({
      type: OutcomeType,
      description: input.description,
      authScopes: SCOPES[input.scope],
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_root, args, context) => {
        const { bus, projector, readYourWritesMs } = context.services;
        const result = await bus.execute(toCommand(input, args.input), {
          actor: context.actor as Actor,
          source: `graphql ${input.field} (request ${context.requestId})`,
        });
        const appended = result.appended;
        if (appended && !appended.replayed) context.services.onAppended?.(result.events.map((event) => event.type));
        const last = appended?.events.at(-1);
        const projected = last ? await projector.waitFor(last, readYourWritesMs) : true;
        return {
          stream: appended?.stream ?? null,
          position: last ? formatCheckpoint(last) : null,
          projected,
          events: (appended?.events ?? []).map((event, index) => ({
            eventId: event.eventId,
            type: result.events[index]?.type ?? 'unknown',
            data: result.events[index]?.data ?? null,
            position: formatCheckpoint(event),
            recordedAt: event.recordedAt,
          })),
        };
      },
    }),
  );
}
