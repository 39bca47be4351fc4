// Add or edit an account (issue 5 item 3). Validation mirrors the IPC schemas (./account-form-model.ts) and shows each
// problem next to its field, after the field was left or a save was tried. The secret and the STS token are write-only:
// the fields start empty on an edit ("unchanged"), are password inputs, and are never filled from anything main sent.
import { useState, type FormEvent } from 'react';
import type { BridgeApi } from '../../../shared/ipc/contract';
import type { WireError } from '../../../shared/ipc/result';
import type { ConnectionTestResult, ConnectionTestTarget } from '../../../shared/models/account';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n';
import {
  accountFormFromView,
  buildAccountDraft,
  buildAccountPatch,
  emptyAccountForm,
  isFormValid,
  validateAccountForm,
  type AccountFieldError,
  type AccountFormField,
  type AccountFormMode,
  type AccountFormValues,
} from './account-form-model';
import { ConnectionTestReport } from './connection-test-report';
import { EndpointHint } from './endpoint-hint';
import { describeEndpoint } from './describe-endpoint';
import { FormField } from '../../components/form-field';
import { accountMessages } from './messages';

/** Props of AccountForm. */
export interface AccountFormProps {
  readonly api: Pick<BridgeApi, 'accounts'>;
  readonly mode: AccountFormMode;
  /** Called after a successful save, or on Cancel. */
  readonly onDone: () => void;
}

type TestState = { readonly state: 'idle' } | { readonly state: 'running' } | { readonly state: 'done'; readonly result: ConnectionTestResult } | { readonly state: 'error'; readonly error: WireError };

/** The account form. */
export function AccountForm({ api, mode, onDone }: AccountFormProps) {
  const t = useT(accountMessages);
  const editing = mode.kind === 'edit' ? mode.account : undefined;
  const [values, setValues] = useState<AccountFormValues>(() => (editing === undefined ? emptyAccountForm() : accountFormFromView(editing)));
  const [touched, setTouched] = useState<ReadonlySet<AccountFormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<WireError | undefined>(undefined);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const errors = validateAccountForm(values, mode);

  const change = <K extends keyof AccountFormValues>(field: K, value: AccountFormValues[K]) => setValues((current) => ({ ...current, [field]: value }));
  const touch = (field: AccountFormField) => setTouched((current) => new Set(current).add(field));
  const errorText = (field: AccountFormField): string | undefined => {
    const error: AccountFieldError | undefined = errors[field];
    if (error === undefined || (!submitted && !touched.has(field))) return undefined;
    return t(error.problem, { bucket: error.detail ?? '' });
  };
  const control = (field: AccountFormField) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
    onBlur: () => touch(field),
  });

  const onEndpointBlur = () => {
    touch('endpoint');
    // The region is named in aliyuncs.com endpoints; fill it in rather than making the user type it twice.
    const { region } = describeEndpoint(values.endpoint);
    if (region !== undefined && values.region.trim() === '') change('region', region);
  };

  const testTarget = (): ConnectionTestTarget | undefined => {
    if (!isFormValid(errors)) return undefined;
    if (editing === undefined) return { draft: buildAccountDraft(values) };
    const patch = buildAccountPatch(values, editing);
    return Object.keys(patch).length === 0 ? { accountId: editing.id } : { accountId: editing.id, patch };
  };

  const runTest = async () => {
    setSubmitted(true);
    const target = testTarget();
    if (target === undefined) return;
    setTest({ state: 'running' });
    const result = await api.accounts.test(target);
    setTest(result.ok ? { state: 'done', result: result.value } : { state: 'error', error: result.error });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!isFormValid(errors)) return;
    setSaving(true);
    setSaveError(undefined);
    let result;
    if (editing === undefined) result = await api.accounts.add(buildAccountDraft(values));
    else {
      const patch = buildAccountPatch(values, editing);
      result = Object.keys(patch).length === 0 ? undefined : await api.accounts.update({ accountId: editing.id, patch });
    }
    setSaving(false);
    if (result === undefined || result.ok) onDone();
    else setSaveError(result.error);
  };

  const title = editing === undefined ? t('addTitle') : t('editTitle', { name: editing.name });
  return (
    <form className="account-form" aria-label={title} onSubmit={(event) => void save(event)} noValidate>
      <h2>{title}</h2>
      <FormField label={t('name')} hint={t('nameHint')} error={errorText('name')}>
        {(field) => <input {...field} {...control('name')} className="input" autoComplete="off" />}
      </FormField>
      <FormField label={t('endpoint')} hint={<EndpointHint endpoint={values.endpoint} />} error={errorText('endpoint')}>
        {(field) => <input {...field} {...control('endpoint')} onBlur={onEndpointBlur} className="input" autoComplete="off" spellCheck={false} />}
      </FormField>
      <FormField label={t('region')} hint={t('regionHint')} error={errorText('region')}>
        {(field) => <input {...field} {...control('region')} className="input" autoComplete="off" spellCheck={false} />}
      </FormField>
      <FormField label={t('buckets')} hint={t('bucketsHint')} error={errorText('buckets')}>
        {(field) => <textarea {...field} {...control('buckets')} className="input account-buckets" rows={3} spellCheck={false} />}
      </FormField>
      <div className="account-form-row">
        <FormField label={t('signature')}>
          {(field) => (
            <select {...field} className="select" value={values.signatureVersion} onChange={(event) => change('signatureVersion', event.target.value === 'v1' ? 'v1' : 'v4')}>
              <option value="v4">{t('signatureV4')}</option>
              <option value="v1">{t('signatureV1')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('addressing')}>
          {(field) => (
            <select
              {...field}
              className="select"
              value={values.addressing}
              onChange={(event) => {
                const next = event.target.value;
                change('addressing', next === 'path-style' || next === 'cname' ? next : 'virtual-hosted');
              }}
            >
              <option value="virtual-hosted">{t('addressingVirtual')}</option>
              <option value="path-style">{t('addressingPath')}</option>
              <option value="cname">{t('addressingCname')}</option>
            </select>
          )}
        </FormField>
      </div>
      <FormField
        label={t('keyId')}
        hint={editing === undefined ? undefined : t('keyIdHintEdit', { masked: editing.maskedAccessKeyId })}
        error={errorText('accessKeyId')}
      >
        {(field) => (
          <input
            {...field}
            {...control('accessKeyId')}
            className="input"
            autoComplete="off"
            spellCheck={false}
            placeholder={editing === undefined ? undefined : t('keyIdPlaceholderEdit', { masked: editing.maskedAccessKeyId })}
          />
        )}
      </FormField>
      <FormField label={t('accessKeySecret')} hint={editing === undefined ? t('secretHintAdd') : t('secretHintEdit')} error={errorText('accessKeySecret')}>
        {(field) => (
          <input
            {...field}
            {...control('accessKeySecret')}
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            placeholder={editing === undefined ? undefined : t('secretPlaceholderEdit')}
          />
        )}
      </FormField>
      <FormField label={t('securityToken')} hint={t('securityTokenHint')} error={errorText('securityToken')}>
        {(field) => (
          <input
            {...field}
            {...control('securityToken')}
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            placeholder={editing?.hasSecurityToken === true ? t('secretPlaceholderEdit') : undefined}
          />
        )}
      </FormField>
      {editing?.hasSecurityToken === true ? (
        <label className="account-checkbox">
          <input type="checkbox" checked={values.removeSecurityToken} onChange={(event) => change('removeSecurityToken', event.target.checked)} />
          {t('removeSecurityToken')}
        </label>
      ) : null}
      {submitted && !isFormValid(errors) ? (
        <p className="field-error" role="alert">
          {t('fixErrors')}
        </p>
      ) : null}
      {saveError === undefined ? null : <ErrorMessage error={saveError} title={t('saveFailed')} />}
      {test.state === 'done' ? <ConnectionTestReport result={test.result} /> : null}
      {test.state === 'error' ? <ErrorMessage error={test.error} title={t('testFailedToRun')} /> : null}
      <div className="account-form-actions">
        <Button label={t('cancel')} onClick={onDone} />
        <Button label={t('testConnection')} disabled={test.state === 'running'} onClick={() => void runTest()}>
          {test.state === 'running' ? t('testing') : undefined}
        </Button>
        <Button label={t('save')} tone="primary" submit disabled={saving}>
          {saving ? t('saving') : undefined}
        </Button>
      </div>
    </form>
  );
}
