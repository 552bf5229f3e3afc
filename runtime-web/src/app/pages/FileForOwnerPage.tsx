import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, List, Space, Steps, Tag, Typography } from 'antd';
import type { FieldErrorDetail } from '../../api/api-error';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { emptyForm, type Instance, type JsonObject, type StartableWorkflow } from '../../api/types';
import { EstateForm } from '../../forms/EstateForm';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { prefillUnit } from '../../shared/prefill';
import { useIdempotentSubmit } from '../../shared/use-idempotent-submit';
import { OwnerSearch, type OwnerChoice } from '../components/OwnerSearch';
import { useEstate } from '../EstateProvider';

/** Front desk files a request for an owner: find them, pick the workflow, fill its start form. */
export default function FileForOwnerPage() {
  const { t, text, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { estate } = useEstate();
  const [owner, setOwner] = useState<OwnerChoice | null>(null);
  const [workflow, setWorkflow] = useState<StartableWorkflow | null>(null);
  const [formData, setFormData] = useState<JsonObject>({});
  const [serverErrors, setServerErrors] = useState<FieldErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const submitter = useIdempotentSubmit();
  const workflows = useApi<StartableWorkflow[]>(estate && owner ? `/estates/${estate.id}/workflows` : null);
  if (!estate) return null;
  const step = !owner ? 0 : !workflow ? 1 : 2;

  async function submit(data: JsonObject) {
    if (!estate || !workflow || !owner) return;
    const result = await submitter.run((key) =>
      api.post<Instance>(
        `/estates/${estate.id}/instances`,
        { workflowKey: workflow.key, data, unitId: owner.unit?.id, requesterPersonId: owner.person.id },
        key,
      ),
    );
    if (!result) return;
    if (result.ok) {
      message.success(t('file.created', { reference: result.value.reference }));
      navigate(`/instances/${result.value.id}`);
      return;
    }
    const error = result.error;
    setServerErrors(error instanceof ApiError ? error.fieldErrors : []);
    setFailure(error instanceof ApiError && error.fieldErrors.length > 0 ? null : error);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('file.title')}
      </Typography.Title>
      <Steps current={step} items={[{ title: t('file.findOwner') }, { title: t('file.pickWorkflow') }, { title: t('file.fillForm') }]} />
      {owner ? (
        <Alert
          type="info"
          title={`${t('file.person')}: ${owner.person.name} ${owner.person.phoneMasked ?? ''} ${owner.unit?.label ?? ''}`}
          action={
            <Button
              size="small"
              onClick={() => {
                setOwner(null);
                setWorkflow(null);
              }}
            >
              {t('common.back')}
            </Button>
          }
        />
      ) : (
        <OwnerSearch estateId={estate.id} onPick={setOwner} />
      )}
      {owner && !workflow ? (
        <List
          grid={{ gutter: 12, xs: 1, sm: 2, md: 3 }}
          loading={workflows.loading}
          dataSource={workflows.data ?? []}
          renderItem={(item) => (
            <List.Item>
              <Card
                hoverable
                onClick={() => {
                  setWorkflow(item);
                  setFormData(prefillUnit({ uiSchema: item.startForm?.uiSchema, data: {}, unitId: owner.unit?.id }));
                }}
                data-testid={`workflow-${item.key}`}
              >
                <Space>
                  <strong>{text(item.name)}</strong>
                  <Tag>v{item.version}</Tag>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : null}
      {owner && workflow ? (
        <Card title={text(workflow.name)} extra={<Button onClick={() => setWorkflow(null)}>{t('common.back')}</Button>}>
          {failure ? <Alert type="error" showIcon title={errorMessage(failure, t)} style={{ marginBottom: 12 }} /> : null}
          <EstateForm
            schema={(workflow.startForm ?? emptyForm).schema}
            uiSchema={(workflow.startForm ?? emptyForm).uiSchema}
            formData={formData}
            onChange={setFormData}
            onSubmit={(data) => void submit(data)}
            locale={locale}
            estateId={estate.id}
            units={owner.unit ? [owner.unit] : undefined}
            serverErrors={serverErrors}
            busy={submitter.busy}
          />
        </Card>
      ) : null}
    </Space>
  );
}
