import { isoDateSchema } from '@chitieu/domain';
import type { GraphQLScalarLiteralParser, ValueNode } from 'graphql';
import { z } from 'zod';
import type { GatewayBuilder } from './builder.js';
import { Kind, valueFromASTUntyped } from './graphql-js.js';

/** ISO 8601 with a time zone: a DateTime without one would mean a different instant on each server. */
const dateTimeSchema = z.iso.datetime({ offset: true });
/** `"<transactionId>:<position>"`, as `formatCheckpoint` of @chitieu/event-store writes it. */
const POSITION = /^\d{1,20}:\d{1,20}$/;

/**
 * The custom scalars every type may use. Parse errors are plain TypeErrors: graphql-js prefixes them
 * with the variable or argument at fault, and `maskError` passes such request errors through.
 */
export function addScalars(builder: GatewayBuilder): void {
  builder.scalarType('DateTime', {
    description: 'An instant, ISO 8601 with a time zone: `2025-07-01T00:00:00Z`, `2025-07-01T07:00:00+07:00`.',
    serialize: (value) => {
      const date = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
      return date.toISOString();
    },
    parseValue: (value) => parseDateTime(value),
    parseLiteral: stringLiteral('DateTime', parseDateTime),
  });

  builder.scalarType('Date', {
    description: 'A calendar date, ISO 8601: `2025-07-01`.',
    serialize: (value) => parseDate(value),
    parseValue: (value) => parseDate(value),
    parseLiteral: stringLiteral('Date', parseDate),
  });

  builder.scalarType('JSON', {
    description: 'Any JSON value.',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
  });

  builder.scalarType('Position', {
    description: 'A place in the event log in commit order, `"<transactionId>:<position>"`: `"7341:12"`.',
    serialize: (value) => parsePosition(typeof value === 'string' ? value : String(value)),
    parseValue: (value) => parsePosition(value),
    parseLiteral: stringLiteral('Position', parsePosition),
  });
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !dateTimeSchema.safeParse(value).success) {
    throw new TypeError(`DateTime must be an ISO 8601 date-time with a time zone, got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isoDateSchema.safeParse(value).success) {
    throw new TypeError(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parsePosition(value: unknown): string {
  if (typeof value !== 'string' || !POSITION.test(value)) {
    throw new TypeError(`Position must be "<transactionId>:<position>", got ${JSON.stringify(value)}`);
  }
  return value;
}

function stringLiteral<T>(name: string, parse: (value: unknown) => T): GraphQLScalarLiteralParser<T> {
  return (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw new TypeError(`${name} must be written as a string`);
    return parse(node.value);
  };
}
