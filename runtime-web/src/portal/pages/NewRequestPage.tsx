import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Result, Spin, Steps } from 'antd';
import { ApiError, type FieldErrorDetail } from '../../api/api-error';
import { emptyForm, type Instance, type JsonObject, type StartableWorkflow } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { prefillUnit } from '../../shared/prefill';
import { useIdempotentSubmit } from '../../shared/use-idempotent-submit';
import { LazyEstateForm } from '../components/LazyEstateForm';
import { clearDraft, draftKey, enqueueOutbox, loadDraft, saveDraft } from '../offline-drafts';
import { sendRequest } from '../send-request';
import { useUnit } from '../UnitProvider';

type Outcome = { kind: 'sent'; instance: Instance } | { kind: 'queued' } | null;

/** Step 2 of 3: the workflow's start form for the current unit; drafts survive a lost network. */
export default function NewRequestPage() {
  const { workflowKey = '' } = useParams();
  const { t, text, locale } = useI18n();
  const { unit, me } = useUnit();
  const workflows = useApi<StartableWorkflow[]>(unit ? `/estates/${unit.estateId}/workflows` : null);
  const workflow = workflows.data?.find((item) => item.key === workflowKey) ?? null;
  const storageKey = unit ? draftKey({ personId: me.id, estateId: unit.estateId, workflowKey }) : null;
  // What the form starts with: the unit prefilled, or the draft left on this phone.
  const initial = useMemo(() => {
    if (!workflow || !storageKey) return null;
    const draft = loadDraft(localStorage, storageKey);
    return { restored: draft !== null, data: prefillUnit({ uiSchema: workflow.startForm?.uiSchema, data: draft ?? {}, unitId: unit?.id }) };
  }, [workflow, storageKey, unit?.id]);
  const [edited, setEdited] = useState<JsonObject | null>(null);
  const formData = edited ?? initial?.data ?? null;
  const restored = edited === null && initial?.restored === true;
  const [serverErrors, setServerErrors] = useState<FieldErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submitter = useIdempotentSubmit();
  const units = useMemo(() => (unit ? [{ id: unit.id, label: unit.label }] : []), [unit]);

  function change(next: JsonObject) {
    setEdited(next);
    if (storageKey) saveDraft(localStorage, storageKey, next);
  }

  async function submit(data: JsonObject) {
    if (!unit || !storageKey) return;
    const request = { estateId: unit.estateId, workflowKey, unitId: unit.id, data };
    const queue = () => {
      enqueueOutbox(localStorage, me.id, { ...request, idempotencyKey: submitter.currentKey(), queuedAt: new Date().toISOString() });
      submitter.forgetKey();
      clearDraft(localStorage, storageKey);
      setOutcome({ kind: 'queued' });
    };
    if (!navigator.onLine) return queue();
    const result = await submitter.run((idempotencyKey) => sendRequest({ ...request, idempotencyKey }));
    if (!result) return undefined;
    if (result.ok) {
      clearDraft(localStorage, storageKey);
      setOutcome({ kind: 'sent', instance: result.value });
      return undefined;
    }
    const error = result.error;
    if (error instanceof ApiError && error.isNetworkError) return queue();
    setServerErrors(error instanceof ApiError ? error.fieldErrors : []);
    setFailure(error instanceof ApiError && error.fieldErrors.length > 0 ? null : error);
    return undefined;
  }

  const steps = (
    <Steps
      size="small"
      orientation="horizontal"
      responsive={false}
      current={outcome ? 2 : 1}
      items={[{ title: t('portal.new.step1') }, { title: t('portal.new.step2') }, { title: t('portal.new.step3') }]}
    />
  );
  if (outcome) {
    return (
      <div className="ef-stack">
        {steps}
        <Result
          status={outcome.kind === 'sent' ? 'success' : 'info'}
          title={outcome.kind === 'sent' ? t('portal.new.submitted') : t('portal.new.savedOffline')}
          subTitle={outcome.kind === 'sent' ? `${outcome.instance.reference} · ${text(outcome.instance.progress)}` : undefined}
          extra={[
            outcome.kind === 'sent' ? (
              <Link key="view" to={`/requests/${outcome.instance.id}`}>
                <Button type="primary" size="large">
                  {t('portal.new.viewRequest')}
                </Button>
              </Link>
            ) : null,
            <Link key="home" to="/">
              <Button size="large">{t('portal.new.backHome')}</Button>
            </Link>,
          ]}
        />
      </div>
    );
  }
  if (workflows.error) return <Alert type="error" title={errorMessage(workflows.error, t)} />;
  if (!workflow || formData === null)
    return workflows.data && !workflow ? <Alert type="warning" title={t('portal.new.noWorkflows')} /> : <Spin className="ef-page-spin" />;

  return (
    <div className="ef-stack">
      {steps}
      <h2>
        {text(workflow.name)} <span className="ef-muted ef-small">{unit?.label}</span>
      </h2>
      {restored ? <Alert type="info" showIcon closable title={t('portal.new.draftRestored')} /> : null}
      {failure ? <Alert type="error" showIcon title={errorMessage(failure, t)} /> : null}
      <LazyEstateForm
        schema={(workflow.startForm ?? emptyForm).schema}
        uiSchema={(workflow.startForm ?? emptyForm).uiSchema}
        formData={formData}
        onChange={change}
        onSubmit={(data) => void submit(data)}
        locale={locale}
        estateId={unit?.estateId}
        units={units}
        serverErrors={serverErrors}
        busy={submitter.busy}
        block
      />
    </div>
  );
}
