import { useLanguage } from '../i18n/language.js';

export type Status =
  | 'achieved'
  | 'on_track'
  | 'needs_acceleration'
  | 'limited_progress'
  | 'deteriorating'
  | 'no_data'
  | 'no_target';

/** A shape as well as a colour, so that the status does not rest on colour alone. */
const SYMBOLS: Record<Status, string> = {
  achieved: '✔',
  on_track: '▲',
  needs_acceleration: '►',
  limited_progress: '▼',
  deteriorating: '✖',
  no_data: '○',
  no_target: '–',
};

/** Progress in colour and in words (the words are what a screen reader and a printout get). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useLanguage();
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{SYMBOLS[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
