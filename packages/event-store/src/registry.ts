import { ChitieuError, type FieldIssue, fieldIssuesOf } from '@chitieu/errors';
import type { z } from 'zod';
import { EVENT_TYPE_PATTERN } from './limits.js';

/** Turns data written at schema version `n` into the shape of version `n + 1`. Pure. */
export type Upcaster = (data: any) => unknown;

/**
 * One event type: its current schema version and zod schema, and an upcaster from every older
 * version. This is the one home of an event's shape; store, projections and GraphQL reuse it.
 */
export interface EventDefinition<TType extends string = string, TData = unknown> {
  type: TType;
  version: number;
  schema: z.ZodType<TData>;
  /** `upcasters[n]` converts version n to n + 1, for every n below `version`. */
  upcasters?: Readonly<Record<number, Upcaster>>;
}

export function defineEvent<TType extends string, TData>(
  definition: EventDefinition<TType, TData>,
): EventDefinition<TType, TData> {
  return definition;
}

/** The event types a store accepts; validates what is written and upcasts what is read. */
export class EventRegistry {
  readonly #definitions = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition<string, any>[]) {
    for (const definition of definitions) {
      if (!EVENT_TYPE_PATTERN.test(definition.type)) throw new TypeError(`bad event type name ${definition.type}`);
      if (this.#definitions.has(definition.type)) throw new TypeError(`event type ${definition.type} defined twice`);
      if (!Number.isInteger(definition.version) || definition.version < 1) {
        throw new TypeError(`event type ${definition.type} has version ${definition.version}`);
      }
      for (let version = 1; version < definition.version; version++) {
        if (!definition.upcasters?.[version]) {
          throw new TypeError(`event type ${definition.type} has no upcaster from version ${version}`);
        }
      }
      this.#definitions.set(definition.type, definition);
    }
  }

  get types(): string[] {
    return [...this.#definitions.keys()];
  }

  definition(type: string): EventDefinition | undefined {
    return this.#definitions.get(type);
  }

  /**
   * Validates data about to be written in the current version of its type. Returns the parsed data
   * and its version, or the issues (paths under `path`).
   */
  parse(
    type: string,
    data: unknown,
    path: string,
  ): { ok: true; schemaVersion: number; data: unknown } | { ok: false; issues: FieldIssue[] } {
    const definition = this.#definitions.get(type);
    if (!definition) {
      return { ok: false, issues: [{ path: `${path}.type`, message: `unknown event type ${JSON.stringify(type)}` }] };
    }
    const result = definition.schema.safeParse(data, { reportInput: true });
    if (!result.success) {
      return {
        ok: false,
        issues: fieldIssuesOf(result.error, `${path}.data`),
      };
    }
    return { ok: true, schemaVersion: definition.version, data: result.data };
  }

  /**
   * Brings data stored at `storedVersion` to the current shape of its type. Types the registry does
   * not know, and versions newer than it knows, are returned as stored: a reader never loses events.
   */
  upcast(type: string, storedVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const definition = this.#definitions.get(type);
    if (!definition || storedVersion >= definition.version) return { schemaVersion: storedVersion, data };
    const upcasters = definition.upcasters ?? {};
    let current = data;
    for (let version = storedVersion; version < definition.version; version++) {
      current = (upcasters[version] as Upcaster)(current);
    }
    const result = definition.schema.safeParse(current, { reportInput: true });
    if (!result.success) {
      throw new ChitieuError(
        'VALIDATION_FAILED',
        `upcasting ${type} from version ${storedVersion} to ${definition.version} gave invalid data`,
        { type, storedVersion, version: definition.version },
        fieldIssuesOf(result.error, 'data'),
      );
    }
    return { schemaVersion: definition.version, data: result.data };
  }
}
