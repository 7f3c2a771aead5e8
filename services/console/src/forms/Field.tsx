import type { ReactNode } from 'react';

/** Ids and ARIA for one field: its label, its help, and its error right under it. */
export function Field(props: {
  id: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid': boolean }) => ReactNode;
}) {
  const described = [props.help && `${props.id}-help`, props.error && `${props.id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`field${props.error ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(described && { 'aria-describedby': described }),
        'aria-invalid': !!props.error,
      })}
      {props.help && (
        <p id={`${props.id}-help`} className="help">
          {props.help}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
