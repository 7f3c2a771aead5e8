import type { AnyVariables, DocumentInput } from '@urql/core';
import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import { useLanguage } from '../i18n/language.js';
import { useLive } from '../live/live-events.js';
import { type FormErrors, formErrorsOf } from './field-errors.js';
import { localizeIssue } from './localize-issue.js';

export interface Command<Variables extends AnyVariables> {
  errors: FormErrors;
  done: string | undefined;
  sending: boolean;
  /**
   * Sends the mutation unless the form's own checks found something (`local`: field → message);
   * true when the gateway recorded it. What the user typed stays in the form either way.
   */
  submit(variables: Variables, local: Record<string, string>, doneMessage: string): Promise<boolean>;
}

/** A form's mutation with the gateway's field errors, in the user's language, and the page's refresh after a write. */
export function useCommand<Data, Variables extends AnyVariables>(
  mutation: DocumentInput<Data, Variables>,
  fieldNames: readonly string[],
): Command<Variables> {
  const [result, execute] = useMutation<Data, Variables>(mutation);
  const { refresh } = useLive();
  const { t, language } = useLanguage();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | undefined>();

  const submit = useCallback(
    async (variables: Variables, localErrors: Record<string, string>, doneMessage: string) => {
      setDone(undefined);
      setLocal(localErrors);
      if (Object.keys(localErrors).length > 0) return false;
      const outcome = await execute(variables);
      if (outcome.error) return false;
      setDone(doneMessage);
      refresh();
      return true;
    },
    [execute, refresh],
  );

  const remote = formErrorsOf(result.error, fieldNames, (issue) => localizeIssue(issue, language, t));
  const hasLocal = Object.keys(local).length > 0;
  const errors: FormErrors = hasLocal ? { fields: local, message: undefined, code: undefined } : remote;
  return { errors, done: result.error || hasLocal ? undefined : done, sending: result.fetching, submit };
}
