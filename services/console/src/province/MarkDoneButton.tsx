import { FormStatus } from '../forms/FormStatus.js';
import { useCommand } from '../forms/use-command.js';
import { useLanguage } from '../i18n/language.js';
import { TaskMutation } from './queries.js';

/** Reports a task done today; a refusal shows beside the button. */
export function MarkDoneButton(props: { tenant: string; plan: string; task: string; disabled: boolean }) {
  const { t } = useLanguage();
  const command = useCommand(TaskMutation, []);
  const input = {
    tenant: props.tenant,
    plan: props.plan,
    data: { task: props.task, status: 'done' as const, on: new Date().toISOString().slice(0, 10) },
  };
  return (
    <>
      <button
        type="button"
        className="secondary small"
        disabled={props.disabled || command.sending}
        onClick={() => command.submit({ input }, {}, t('form.taskDone', { task: props.task }))}
      >
        {t('province.markDone')} <span className="visually-hidden">{props.task}</span>
      </button>
      <FormStatus errors={command.errors} done={command.done} />
    </>
  );
}
