import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { isAsyncIterable, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { MetricsRegistry } from '../metrics.js';
import { getOperationAST } from './graphql-js.js';

type Outcome = 'ok' | 'error' | 'refused';

/**
 * Counts operations in `graphql_operations_total` by name, type and outcome: `ok` (no errors),
 * `error` (executed with errors), `refused` (not parsed, not valid, or over an armor limit).
 */
export function operationMetrics(metrics: MetricsRegistry): Plugin<YogaInitialContext> {
  const count = (operation: OperationDefinitionNode | null | undefined, outcome: Outcome) =>
    metrics.graphqlOperations.inc({
      // Client-chosen names: cut to bound the label's size (a name is already [_A-Za-z0-9]+).
      operation: operation?.name?.value.slice(0, 64) ?? (operation ? 'anonymous' : 'unknown'),
      type: operation?.operation ?? 'unknown',
      outcome,
    });
  const operationOf = (document: DocumentNode, name: string | null | undefined) =>
    getOperationAST(document, name ?? undefined);

  return {
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) count(undefined, 'refused');
      },
    onValidate: ({ params, context, validateFn, setValidationFn }) => {
      const operation = operationOf(params.documentAST, context.params?.operationName);
      // Armor's limits throw out of validation instead of returning errors: count those too.
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (error) {
          count(operation, 'refused');
          throw error;
        }
      });
      return ({ valid }) => {
        if (!valid) count(operation, 'refused');
      };
    },
    onExecute: ({ args }) => {
      const operation = operationOf(args.document, args.operationName);
      return {
        onExecuteDone: ({ result }) => {
          if (isAsyncIterable(result)) count(operation, 'ok');
          else count(operation, result.errors?.length ? 'error' : 'ok');
        },
      };
    },
    onSubscribe: ({ args }) => {
      const operation = operationOf(args.document, args.operationName);
      return {
        onSubscribeResult: ({ result }) => {
          count(operation, isAsyncIterable(result) ? 'ok' : 'error');
        },
        onSubscribeError: () => count(operation, 'error'),
      };
    },
  };
}
