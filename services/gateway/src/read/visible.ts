import type { Database, ReadModelTable } from '@chitieu/database';
import type { Expression, ExpressionBuilder } from 'kysely';

/** Which versions of the read models a read sees: a generation, and an instant (now when undefined). */
export interface Visibility {
  /** A generation, or an expression for one (the live generation, inside the statement that reads it). */
  generation: number | Expression<number>;
  asOf: Date | undefined;
}

/**
 * The rows of a read model as the platform knew them at the scope's instant (the current versions
 * when there is none), in the scope's generation. A ReadScope is a Visibility.
 */
export function visibleIn<T extends ReadModelTable>(scope: Visibility) {
  return (eb: ExpressionBuilder<Database, T>) => {
    // Kysely cannot see that every read-model table has these columns; they all do (schema.ts).
    const e = eb as unknown as ExpressionBuilder<Database, 'rm_targets'>;
    const generation = e('generation', '=', scope.generation);
    if (!scope.asOf) return e.and([generation, e('known_until', 'is', null)]);
    return e.and([
      generation,
      e('known_from', '<=', scope.asOf),
      e.or([e('known_until', 'is', null), e('known_until', '>', scope.asOf)]),
    ]);
  };
}
