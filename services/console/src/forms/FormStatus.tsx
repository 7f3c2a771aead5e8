import { useLanguage } from '../i18n/language.js';
import type { FormErrors } from './field-errors.js';

/** Above the submit button: the refusal not tied to a field, or the pointer to the marked fields, or the success. */
export function FormStatus({ errors, done }: { errors: FormErrors; done: string | undefined }) {
  const { t } = useLanguage();
  if (errors.message) {
    return (
      <p role="alert" className="form-error">
        {t('form.error', { message: errors.message })}
      </p>
    );
  }
  if (Object.keys(errors.fields).length > 0) {
    return (
      <p role="alert" className="form-error">
        {t('form.fix')}
      </p>
    );
  }
  if (done) {
    return (
      <p role="status" className="form-done">
        {done}
      </p>
    );
  }
  return null;
}
