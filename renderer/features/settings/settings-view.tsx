// The settings screen (issue 6 item 5). Choices (notifications, quit/start behaviour, language, theme) apply at once;
// numbers apply with "Apply" (or Enter) and only when every one is within SETTINGS_BOUNDS: an invalid value is shown
// next to its field and never sent. Settings come from the shared store, which follows 'settings.changed'.
import { useEffect, useState, type FormEvent } from 'react';
import { SETTINGS_BOUNDS, type AppSettings, type AppSettingsPatch } from '../../../shared/ipc/app-settings';
import { Button } from '../../components/button';
import { formatBytes } from '../../format/format-bytes';
import { useT } from '../../i18n/i18n';
import { useSettingsStore } from '../../state/settings-store';
import { FormField } from '../../components/form-field';
import { settingsMessages } from './messages';
import { settingsToForm, validateSettingsForm, type SettingsFieldError, type SettingsNumberField, type SettingsNumberValues } from './settings-form-model';
import './settings.css';

function NumberInput(props: {
  readonly field: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <input
      {...props.field}
      className="input settings-number"
      inputMode="decimal"
      autoComplete="off"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** The settings screen. */
export function SettingsView() {
  const t = useT(settingsMessages);
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (settings === undefined) {
    return (
      <div className="screen screen-scroll">
        <h1 className="settings-title">{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  }
  return <SettingsForm settings={settings} update={update} />;
}

/** Props of SettingsForm. */
export interface SettingsFormProps {
  readonly settings: AppSettings;
  readonly update: (patch: AppSettingsPatch) => Promise<{ readonly ok: boolean }>;
}

/** The settings form over loaded settings. */
export function SettingsForm({ settings, update }: SettingsFormProps) {
  const t = useT(settingsMessages);
  const [values, setValues] = useState<SettingsNumberValues>(() => settingsToForm(settings));
  const [dirty, setDirty] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const { patch, errors } = validateSettingsForm(values, settings);

  // Settings changed elsewhere (another window, main): show them unless the user is in the middle of editing.
  useEffect(() => {
    if (!dirty) setValues(settingsToForm(settings));
  }, [settings, dirty]);

  const change = (field: keyof SettingsNumberValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setDirty(true);
    setSaved(false);
  };

  const errorText = (field: SettingsNumberField): string | undefined => {
    const error: SettingsFieldError | undefined = errors[field];
    if (error === undefined || !showErrors) return undefined;
    const bytes = field === 'partSizeMiB';
    const bounds = bytes
      ? { min: formatBytes(SETTINGS_BOUNDS.partSizeBytes.min), max: formatBytes(SETTINGS_BOUNDS.partSizeBytes.max) }
      : { min: error.min, max: field === 'bandwidth' ? '∞' : error.max };
    return t(error.problem, bounds);
  };

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(patch).length > 0) {
      const result = await update(patch);
      if (!result.ok) return;
    }
    setDirty(false);
    setSaved(true);
  };

  const choose = (choice: AppSettingsPatch) => {
    setSaved(false);
    void update(choice);
  };

  const bounds = (key: 'maxRequests' | 'maxFiles' | 'maxAttempts') => SETTINGS_BOUNDS[key];
  return (
    <div className="screen screen-scroll settings-screen">
      <h1 className="settings-title">{t('title')}</h1>
      <form className="settings-section" aria-label={t('transfers')} onSubmit={(event) => void apply(event)} noValidate>
        <h2>{t('transfers')}</h2>
        <FormField label={t('partSize')} hint={t('partSizeHint')} error={errorText('partSizeMiB')}>
          {(field) => <NumberInput field={field} value={values.partSizeMiB} onChange={(v) => change('partSizeMiB', v)} />}
        </FormField>
        <FormField label={t('maxRequests')} hint={t('maxRequestsHint', bounds('maxRequests'))} error={errorText('maxRequests')}>
          {(field) => <NumberInput field={field} value={values.maxRequests} onChange={(v) => change('maxRequests', v)} />}
        </FormField>
        <FormField label={t('maxFiles')} hint={t('maxFilesHint', bounds('maxFiles'))} error={errorText('maxFiles')}>
          {(field) => <NumberInput field={field} value={values.maxFiles} onChange={(v) => change('maxFiles', v)} />}
        </FormField>
        <FormField label={t('bandwidth')} hint={t('bandwidthHint')} error={errorText('bandwidth')}>
          {(field) => (
            <span className="settings-inline">
              <NumberInput field={field} value={values.bandwidth} onChange={(v) => change('bandwidth', v)} />
              <select
                className="select"
                aria-label={t('bandwidthUnit')}
                value={values.bandwidthUnit}
                onChange={(event) => change('bandwidthUnit', event.target.value === 'KiB/s' ? 'KiB/s' : 'MiB/s')}
              >
                <option value="MiB/s">MiB/s</option>
                <option value="KiB/s">KiB/s</option>
              </select>
            </span>
          )}
        </FormField>
        <FormField label={t('maxAttempts')} hint={t('maxAttemptsHint', bounds('maxAttempts'))} error={errorText('maxAttempts')}>
          {(field) => <NumberInput field={field} value={values.maxAttempts} onChange={(v) => change('maxAttempts', v)} />}
        </FormField>
        <div className="settings-actions">
          {saved ? (
            <span role="status" className="muted">
              {t('applied')}
            </span>
          ) : null}
          <Button label={t('apply')} tone="primary" submit />
        </div>
      </form>
      <section className="settings-section" aria-label={t('desktop')}>
        <h2>{t('desktop')}</h2>
        <label className="settings-checkbox">
          <input type="checkbox" checked={settings.notifications} onChange={(event) => choose({ notifications: event.target.checked })} />
          {t('notifications')}
        </label>
        <FormField label={t('onQuit')}>
          {(field) => (
            <select {...field} className="select" value={settings.onQuit} onChange={(event) => choose({ onQuit: event.target.value === 'pause' ? 'pause' : 'ask' })}>
              <option value="ask">{t('onQuitAsk')}</option>
              <option value="pause">{t('onQuitPause')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('onStart')}>
          {(field) => (
            <select {...field} className="select" value={settings.onStart} onChange={(event) => choose({ onStart: event.target.value === 'resume' ? 'resume' : 'paused' })}>
              <option value="paused">{t('onStartPaused')}</option>
              <option value="resume">{t('onStartResume')}</option>
            </select>
          )}
        </FormField>
      </section>
      <section className="settings-section" aria-label={t('appearance')}>
        <h2>{t('appearance')}</h2>
        <FormField label={t('language')}>
          {(field) => (
            // Each language is named in itself, so a user who cannot read the current one still finds theirs.
            <select {...field} className="select" value={settings.language} onChange={(event) => choose({ language: event.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}>
              <option value="en" lang="en">
                English
              </option>
              <option value="zh-CN" lang="zh-CN">
                简体中文
              </option>
            </select>
          )}
        </FormField>
        <FormField label={t('theme')}>
          {(field) => (
            <select
              {...field}
              className="select"
              value={settings.theme}
              onChange={(event) => {
                const theme = event.target.value;
                choose({ theme: theme === 'light' || theme === 'dark' ? theme : 'system' });
              }}
            >
              <option value="system">{t('themeSystem')}</option>
              <option value="light">{t('themeLight')}</option>
              <option value="dark">{t('themeDark')}</option>
            </select>
          )}
        </FormField>
      </section>
    </div>
  );
}
