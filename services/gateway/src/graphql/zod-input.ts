import type { InputType } from '@pothos/core';
import type { z } from 'zod';
import type { GatewayBuilder } from './builder.js';
import { type Shape, shapeOfZod, signatureOf } from './zod-shape.js';

type Types = GatewayBuilder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** What the resolver receives: a plain object for zod to parse, as loose as GraphQL let it be. */
export type ZodInputShape = Record<string, unknown>;
export type ZodInputRef = PothosSchemaTypes.InputObjectRef<Types, ZodInputShape>;
type TypeRef = InputType<Types>;
/** What Pothos expects an input field of an object shaped `Record<string, unknown>` to hold. */
type FieldValue = ZodInputShape[string] & {};

interface Named {
  ref: TypeRef;
  signature: string;
}

/** Per builder, every type made here by name: the same name twice gives the same type. */
const madeByBuilder = new WeakMap<GatewayBuilder, Map<string, Named>>();

/**
 * An input object type for a mutation's argument, derived from the zod schema that will parse it:
 * nested objects are named `${name}${Key}`, objects in lists `${name}${Key}Item`, enums of GraphQL
 * names `${name}${Key}`; a discriminated union is one input object with every member's fields
 * (optional) and the discriminator (a required String). The GraphQL type is as loose as zod or
 * looser, never stricter, so the resolver must still parse the argument with `schema`: zod then
 * names the faulty field (`targets.2.value`), which GraphQL could not.
 *
 * @example
 * const AdoptPlanInput = inputFromZod(builder, 'AdoptPlanInput', adoptPlanSchema);
 * builder.mutationField('adoptPlan', (t) => t.field({
 *   type: Plan,
 *   args: { input: t.arg({ type: AdoptPlanInput, required: true }) },
 *   resolve: (_root, { input }, context) => adoptPlan(context, parseCommand(adoptPlanSchema, input)),
 * }));
 */
export function inputFromZod(builder: GatewayBuilder, name: string, schema: z.ZodType): ZodInputRef {
  const shape = shapeOfZod(schema);
  if (shape.kind !== 'object') {
    throw new Error(`inputFromZod(${name}): the schema must describe an object, not ${shape.kind}`);
  }
  return new Materializer(builder).type(shape, name) as ZodInputRef;
}

class Materializer {
  private readonly made: Map<string, Named>;
  /** The input objects of recursive `$defs` being built, for their inner `ref` shapes. */
  private readonly defs = new Map<string, TypeRef>();

  constructor(private readonly builder: GatewayBuilder) {
    const made = madeByBuilder.get(builder) ?? new Map<string, Named>();
    madeByBuilder.set(builder, made);
    this.made = made;
  }

  type(shape: Shape, name: string): TypeRef {
    switch (shape.kind) {
      case 'scalar':
        return shape.name;
      case 'enum':
        return this.named(name, shape, () =>
          this.builder.enumType(name, { values: Object.fromEntries(shape.values.map((value) => [value, { value }])) }),
        );
      case 'ref': {
        const ref = this.defs.get(shape.def);
        if (!ref) throw new Error(`inputFromZod: $defs/${shape.def} is referenced outside itself`);
        return ref;
      }
      case 'list':
        throw new Error(`inputFromZod(${name}): a list is a field's type, not a named type`);
      case 'object':
        return this.named(name, shape, () => this.object(shape, name));
    }
  }

  private object(shape: Shape & { kind: 'object' }, name: string): TypeRef {
    const ref = this.builder.inputRef<ZodInputShape>(name);
    if (shape.def !== undefined) this.defs.set(shape.def, ref);
    // Field types are made now, while `defs` holds this object for the recursive references inside.
    const fields = Object.entries(shape.fields).map(([key, field]) => {
      const isList = field.shape.kind === 'list';
      const item = field.shape.kind === 'list' ? field.shape.of : field.shape;
      const childName = `${name}${pascalCase(key)}${isList && item.kind === 'object' ? 'Item' : ''}`;
      const itemsNullable = field.shape.kind === 'list' ? field.shape.itemsNullable : false;
      return { key, field, isList, itemsNullable, type: this.type(item, childName) };
    });
    if (shape.def !== undefined) this.defs.delete(shape.def);
    ref.implement({
      ...(shape.description ? { description: shape.description } : {}),
      fields: (t) =>
        Object.fromEntries(
          fields.map(({ key, field, isList, itemsNullable, type }) => {
            const description = field.description ? { description: field.description } : {};
            const input = isList
              ? t.field({ type: [type], required: { list: field.required, items: !itemsNullable }, ...description })
              : t.field({ type, required: field.required, ...description });
            return [key, input];
          }),
        ) as Record<string, PothosSchemaTypes.InputFieldRef<Types, FieldValue>>,
    });
    return ref;
  }

  /** The type called `name`, made once; a second, different shape under the same name is a bug. */
  private named(name: string, shape: Shape, make: () => TypeRef): TypeRef {
    const signature = signatureOf(shape);
    const existing = this.made.get(name);
    if (existing) {
      if (existing.signature !== signature) {
        throw new Error(`inputFromZod: the type name ${name} is already used for a different input`);
      }
      return existing.ref;
    }
    const ref = make();
    this.made.set(name, { ref, signature });
    return ref;
  }
}

/** `baselineYear` → `BaselineYear`, `per_mille` → `PerMille`. */
function pascalCase(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
