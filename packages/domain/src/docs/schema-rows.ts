import { z } from 'zod';

/** One field of an event's data, as the event catalogue lists it. */
export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  notes: string;
}

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
}

/**
 * The fields of a zod schema, flattened to rows (`targets[].comparator`), read from its JSON Schema
 * so that the catalogue shows exactly what the store validates. Variants of a discriminated union
 * appear under `(kind = …)`; recursive types are named, not expanded.
 */
export function schemaRows(schema: z.ZodType): FieldRow[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  const rows: FieldRow[] = [];
  walk(json, '', true, rows);
  return rows;
}

function walk(schema: JsonSchema, path: string, required: boolean, rows: FieldRow[]): void {
  const variants = schema.oneOf ?? schema.anyOf;
  if (schema.properties) {
    for (const [key, child] of Object.entries(schema.properties)) {
      walk(child, path ? `${path}.${key}` : key, schema.required?.includes(key) ?? false, rows);
    }
    return;
  }
  if (variants?.every((variant) => variant.properties)) {
    rows.push({ path, type: 'one of the variants below', required, notes: describe(schema) });
    for (const variant of variants) {
      const tag = Object.entries(variant.properties ?? {}).find(([, child]) => child.const !== undefined);
      const label = tag ? `${path} (${tag[0]} = ${JSON.stringify(tag[1].const)})` : path;
      for (const [key, child] of Object.entries(variant.properties ?? {})) {
        walk(child, `${label}.${key}`, variant.required?.includes(key) ?? false, rows);
      }
    }
    return;
  }
  if (schema.type === 'array' && schema.items && isObjectLike(schema.items)) {
    rows.push({ path, type: 'array', required, notes: describe(schema) });
    walk(schema.items, `${path}[]`, true, rows);
    return;
  }
  rows.push({ path, type: typeOf(schema), required, notes: describe(schema) });
}

function isObjectLike(schema: JsonSchema): boolean {
  const variants = schema.oneOf ?? schema.anyOf;
  return Boolean(schema.properties) || Boolean(variants?.every((variant) => variant.properties));
}

function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return `see ${schema.$ref.split('/').at(-1)}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (schema.format) return `${schema.type} (${schema.format})`;
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
}

function describe(schema: JsonSchema): string {
  const notes: string[] = [];
  if (schema.description) notes.push(schema.description);
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) notes.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined && schema.minItems > 0) notes.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) notes.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) notes.push(`matches \`${schema.pattern}\``);
  return notes.join('; ');
}
