// "Abort all older than N days under this prefix": the number of days, then a dry run (issue 6 item 4).
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { useT } from '../../i18n/i18n';
import { incompleteMessages } from './messages';

// A hundred years: every upload is younger, and the value stays far inside durationMsSchema's safe-integer bound.
const MAX_DAYS = 36_500;

/** The days typed, or undefined when they are not a number of days in 0..MAX_DAYS. */
export function parseDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days <= MAX_DAYS ? days : undefined;
}

/** Props of OlderThanForm. */
export interface OlderThanFormProps {
  readonly disabled: boolean;
  readonly onPreview: (days: number) => void;
}

/** The days field and its "list matching uploads" button. */
export function OlderThanForm({ disabled, onPreview }: OlderThanFormProps) {
  const t = useT(incompleteMessages);
  const inputId = useId();
  const errorId = useId();
  const [text, setText] = useState('7');
  const [touched, setTouched] = useState(false);
  const days = parseDays(text);
  const invalid = touched && days === undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (days !== undefined) onPreview(days);
  };

  return (
    <form className="incomplete-older-than" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('olderThanLegend')}</legend>
        <label htmlFor={inputId}>{t('olderThanDays')}</label>
        <input
          id={inputId}
          className="input incomplete-days"
          inputMode="decimal"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <Button label={t('listMatches')} submit disabled={disabled} />
        {invalid ? (
          <span id={errorId} className="field-error" role="alert">
            {t('olderThanInvalid')}
          </span>
        ) : null}
      </fieldset>
    </form>
  );
}
