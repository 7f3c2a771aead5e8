import type { GraphQLInputType } from 'graphql';
import {
  type GraphQLField,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from '../graphql/graphql-js.js';
import { schema } from '../schema/index.js';

/**
 * Every mutation of the schema, read from the schema itself so that a mutation added later is in the
 * authorization matrix without anyone remembering to add it.
 */
export function mutationFields(): Array<GraphQLField<unknown, unknown>> {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

export function queryFields(): Array<GraphQLField<unknown, unknown>> {
  return Object.values(schema.getQueryType()?.getFields() ?? {});
}

/**
 * The document for a mutation taking its argument as a variable, so that one placeholder builder
 * serves every input type.
 */
export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const pass = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation (${args}) { ${field.name}(${pass}) { stream position projected } }`;
}

/** Variables for a mutation: every required field filled with a placeholder, tenants set to `tenant`. */
export function mutationVariables(field: GraphQLField<unknown, unknown>, tenant: string): Record<string, unknown> {
  return Object.fromEntries(field.args.map((arg) => [arg.name, placeholder(arg.type, arg.name, tenant)]));
}

/**
 * The least input GraphQL itself accepts: required fields only, one placeholder per scalar. The
 * values only have to pass GraphQL's coercion, because who may act is decided before the command's
 * content is checked; tenant-like fields name the tenant being attacked so that a refusal is about
 * the tenant, and periods are years so that the route can name its stream.
 */
function placeholder(type: GraphQLInputType, name: string, tenant: string): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, name, tenant);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, placeholder(field.type, field.name, tenant)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return 2029;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'Date':
        return '2029-01-01';
      case 'DateTime':
        return '2029-01-01T00:00:00Z';
      case 'JSON':
        return {};
      default:
        return stringFor(name, tenant);
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

function stringFor(name: string, tenant: string): string {
  if (name === 'tenant' || name === 'province') return tenant;
  if (name === 'kind') return 'year';
  if (name === 'corrects') return '0190c1d2-0000-7000-8000-000000000000';
  if (/On$|deadline/.test(name)) return '2029-01-01';
  return `e2e-${name}`;
}
