import { z } from 'zod';

/**
 * The GraphQL input shape of a zod schema, read off its JSON Schema (`io: 'input'`). Always as loose
 * as zod or looser, never stricter: whatever zod would accept must get through GraphQL, so that zod
 * alone names the faulty field. What GraphQL cannot say (a union of scalars, a record, a tuple) is JSON.
 */
export type Shape =
  | { kind: 'scalar'; name: 'String' | 'Int' | 'Float' | 'Boolean' | 'JSON' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'list'; of: Shape; itemsNullable: boolean }
  | { kind: 'object'; fields: Record<string, Field>; description?: string; def?: string }
  /** A recursive reference to the enclosing object of `$defs[def]` (a `z.lazy` tree). */
  | { kind: 'ref'; def: string };

export interface Field {
  shape: Shape;
  /** Required and not null: `String!`. */
  required: boolean;
  description?: string;
}

interface Converted {
  shape: Shape;
  nullable: boolean;
}

type JsonSchema = z.core.JSONSchema.BaseSchema;

const JSON_SHAPE: Shape = { kind: 'scalar', name: 'JSON' };
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The shape of a zod schema; a schema that accepts no object at its top is an error. */
export function shapeOfZod(schema: z.ZodType): Shape {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const converter = new Converter(root);
  return converter.convert(root).shape;
}

/** A stable text of a shape, to tell whether a name is reused for the same type. */
export function signatureOf(shape: Shape): string {
  return JSON.stringify(shape, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** Whether GraphQL accepts `value` as an enum value. */
export function isEnumValueName(value: string): boolean {
  return GRAPHQL_NAME.test(value) && !['true', 'false', 'null'].includes(value);
}

class Converter {
  /** The `$defs` being converted, innermost last: a `$ref` to one of them is recursion. */
  private readonly open: string[] = [];

  constructor(private readonly root: JsonSchema) {}

  convert(schema: JsonSchema | boolean): Converted {
    if (typeof schema === 'boolean') return { shape: JSON_SHAPE, nullable: true };
    if (schema.$ref !== undefined) return this.reference(schema.$ref);
    const members = schema.anyOf ?? schema.oneOf;
    if (members) return this.union(members.map((member) => this.deref(member)));
    if (schema.allOf) return this.intersection(schema.allOf.map((member) => this.deref(member)));
    if (Array.isArray(schema.enum)) return valuesShape(schema.enum);
    if (schema.const !== undefined) return valuesShape([schema.const]);
    if (Array.isArray(schema.type)) {
      const types = schema.type.filter((type) => type !== 'null');
      const nullable = types.length < schema.type.length;
      if (types.length !== 1) return { shape: JSON_SHAPE, nullable: true };
      return { shape: this.convert({ ...schema, type: types[0] }).shape, nullable };
    }
    switch (schema.type) {
      case 'string':
        return { shape: { kind: 'scalar', name: 'String' }, nullable: false };
      case 'boolean':
        return { shape: { kind: 'scalar', name: 'Boolean' }, nullable: false };
      case 'number':
        return { shape: { kind: 'scalar', name: 'Float' }, nullable: false };
      case 'integer': {
        // GraphQL's Int is 32-bit; a wider integer (an amount in đồng) must get through as Float.
        const fits =
          typeof schema.minimum === 'number' &&
          typeof schema.maximum === 'number' &&
          schema.minimum >= INT32.min &&
          schema.maximum <= INT32.max;
        return { shape: { kind: 'scalar', name: fits ? 'Int' : 'Float' }, nullable: false };
      }
      case 'array':
        return this.array(schema);
      case 'object':
        return this.object(schema);
      default:
        return { shape: JSON_SHAPE, nullable: true };
    }
  }

  private reference(ref: string): Converted {
    const key = ref === '#' ? '#' : ref.replace(/^#\/\$defs\//, '');
    if (this.open.includes(key)) return { shape: { kind: 'ref', def: key }, nullable: false };
    const target = key === '#' ? this.root : this.root.$defs?.[key];
    if (target === undefined) return { shape: JSON_SHAPE, nullable: true };
    this.open.push(key);
    const converted = this.convert(target);
    this.open.pop();
    if (converted.shape.kind === 'object') converted.shape.def = key;
    return converted;
  }

  /** A `$ref` replaced by its definition, so that a union can look at its members' properties. */
  private deref(schema: JsonSchema | boolean): JsonSchema | boolean {
    if (typeof schema === 'boolean' || schema.$ref === undefined) return schema;
    const key = schema.$ref.replace(/^#\/\$defs\//, '');
    return (schema.$ref === '#' ? this.root : this.root.$defs?.[key]) ?? true;
  }

  private array(schema: JsonSchema): Converted {
    const items = schema.items;
    // A tuple (`prefixItems`) or an array of anything: no GraphQL list says it.
    if (schema.prefixItems || items === undefined || Array.isArray(items))
      return { shape: JSON_SHAPE, nullable: false };
    const item = this.convert(items);
    // GraphQL cannot nest an input list in a list without a name; JSON stays looser.
    if (item.shape.kind === 'list') return { shape: JSON_SHAPE, nullable: false };
    return { shape: { kind: 'list', of: item.shape, itemsNullable: item.nullable }, nullable: false };
  }

  private object(schema: JsonSchema): Converted {
    const properties = Object.entries(schema.properties ?? {});
    // A record, an empty object, or keys GraphQL cannot name: JSON.
    if (properties.length === 0 || properties.some(([key]) => !GRAPHQL_NAME.test(key))) {
      return { shape: JSON_SHAPE, nullable: false };
    }
    const required = new Set(schema.required ?? []);
    const fields: Record<string, Field> = {};
    for (const [key, property] of properties) {
      const converted = this.convert(property);
      const description = typeof property === 'object' ? property.description : undefined;
      fields[key] = {
        shape: converted.shape,
        required: required.has(key) && !converted.nullable,
        ...(description ? { description } : {}),
      };
    }
    const shape: Shape = { kind: 'object', fields, ...(schema.description ? { description: schema.description } : {}) };
    return { shape, nullable: false };
  }

  /**
   * `anyOf`/`oneOf`: null makes it nullable; string constants make an enum; objects merge into one
   * input object whose fields are all optional, except a discriminator every member fixes with a
   * `const` (`kind: 'absolute' | 'relative'`), which is a required String.
   */
  private union(members: (JsonSchema | boolean)[]): Converted {
    const isNull = (member: JsonSchema | boolean) => typeof member === 'object' && member.type === 'null';
    const rest = members.filter((member) => !isNull(member));
    const nullable = rest.length < members.length;
    if (rest.length === 0) return { shape: JSON_SHAPE, nullable: true };
    const constants = rest.map(constantsOf);
    if (constants.every((values) => values !== undefined)) {
      const values = valuesShape(constants.flat());
      return { shape: values.shape, nullable: nullable || values.nullable };
    }
    const converted = rest.map((member) => this.convert(member));
    const merged = converted.map((each) => each.shape).reduce((a, b) => mergeShapes(a, b, false));
    const anyNullable = nullable || converted.some((each) => each.nullable);
    const discriminator = discriminatorOf(rest);
    if (merged.kind === 'object' && discriminator !== undefined) {
      merged.fields[discriminator] = { shape: { kind: 'scalar', name: 'String' }, required: true };
    }
    return { shape: merged, nullable: anyNullable };
  }

  /** `allOf` (`z.intersection`): objects merge with a field required when any side requires it. */
  private intersection(members: (JsonSchema | boolean)[]): Converted {
    const converted = members.map((member) => this.convert(member));
    if (converted.some((each) => each.shape.kind !== 'object')) return { shape: JSON_SHAPE, nullable: false };
    const merged = converted.map((each) => each.shape).reduce((a, b) => mergeShapes(a, b, true));
    return { shape: merged, nullable: converted.every((each) => each.nullable) };
  }
}

/** The values a member of a union allows when it is an `enum` or a `const`. */
function constantsOf(member: JsonSchema | boolean): readonly unknown[] | undefined {
  if (typeof member === 'boolean') return undefined;
  if (Array.isArray(member.enum)) return member.enum;
  return member.const !== undefined ? [member.const] : undefined;
}

/** The shape of the values an `enum` or `const` allows. */
function valuesShape(values: readonly unknown[]): Converted {
  const present = values.filter((value) => value !== null);
  const nullable = present.length < values.length;
  const scalar = (name: 'String' | 'Int' | 'Float' | 'Boolean' | 'JSON'): Converted => ({
    shape: { kind: 'scalar', name },
    nullable,
  });
  if (present.length === 0) return { shape: JSON_SHAPE, nullable: true };
  if (present.every((value): value is string => typeof value === 'string')) {
    // A single constant is a String: an enum of one value says nothing and would be one more type.
    if (present.length > 1 && present.every(isEnumValueName))
      return { shape: { kind: 'enum', values: present }, nullable };
    return scalar('String');
  }
  if (present.every((value): value is number => typeof value === 'number')) {
    return scalar(present.every((value) => Number.isInteger(value) && Math.abs(value) < 2 ** 31) ? 'Int' : 'Float');
  }
  if (present.every((value) => typeof value === 'boolean')) return scalar('Boolean');
  return { shape: JSON_SHAPE, nullable: true };
}

/**
 * The looser of two shapes. Objects merge field by field; in a union (`intersect` false) a field is
 * required only if both sides require it, in an intersection if either does.
 */
function mergeShapes(a: Shape, b: Shape, intersect: boolean): Shape {
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (a.name === b.name) return a;
    const numbers = new Set(['Int', 'Float']);
    return numbers.has(a.name) && numbers.has(b.name) ? { kind: 'scalar', name: 'Float' } : JSON_SHAPE;
  }
  if (a.kind === 'enum' && b.kind === 'enum') return { kind: 'enum', values: [...new Set([...a.values, ...b.values])] };
  if ((a.kind === 'enum' && b.kind === 'scalar') || (a.kind === 'scalar' && b.kind === 'enum')) {
    const scalar = a.kind === 'scalar' ? a : (b as Shape & { kind: 'scalar' });
    return scalar.name === 'String' ? scalar : JSON_SHAPE;
  }
  if (a.kind === 'list' && b.kind === 'list') {
    return { kind: 'list', of: mergeShapes(a.of, b.of, intersect), itemsNullable: a.itemsNullable || b.itemsNullable };
  }
  if (a.kind === 'ref' && b.kind === 'ref' && a.def === b.def) return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields: Record<string, Field> = {};
    for (const key of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
      const left = a.fields[key];
      const right = b.fields[key];
      const shape = left && right ? mergeShapes(left.shape, right.shape, intersect) : (left ?? right)?.shape;
      if (shape === undefined) continue;
      const required = intersect
        ? Boolean(left?.required || right?.required)
        : Boolean(left?.required && right?.required);
      const description = left?.description ?? right?.description;
      fields[key] = { shape, required, ...(description ? { description } : {}) };
    }
    return { kind: 'object', fields };
  }
  return JSON_SHAPE;
}

/** The property every member object fixes to a distinct string `const`, if there is one. */
function discriminatorOf(members: (JsonSchema | boolean)[]): string | undefined {
  const objects = members.filter(
    (member): member is JsonSchema => typeof member === 'object' && member.type === 'object',
  );
  if (objects.length < 2 || objects.length !== members.length) return undefined;
  const first = objects[0];
  for (const key of Object.keys(first?.properties ?? {})) {
    const constants = objects.map((member) => {
      const property = member.properties?.[key];
      return typeof property === 'object' && typeof property.const === 'string' ? property.const : undefined;
    });
    if (constants.every((value) => value !== undefined) && new Set(constants).size === constants.length) return key;
  }
  return undefined;
}
