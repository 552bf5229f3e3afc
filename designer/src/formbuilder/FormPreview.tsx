import type { FormDefinition } from '@estateflow/model';
import { EstateForm } from '@estateflow/runtime-web/forms';
import { Alert, Button } from 'antd';
import { Component, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { JsonObject } from '@estateflow/runtime-web/api';
import { toJsonObject } from '../util/toJsonObject';
import { localizeUiSchema } from './localizeForm';

/** A schema mid-edit can make RJSF throw; the preview then says so instead of taking the page down. */
class PreviewBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: string | null; resetKey: string }> {
  override state = { error: null, resetKey: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: string | null; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }
  override render() {
    return this.state.error ? <Alert type="warning" showIcon title={this.state.error} /> : this.props.children;
  }
}

/** The form as staff and owners will see it: the shared EstateForm (offline), validated as on submit. */
export function FormPreview(props: { form: FormDefinition }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<JsonObject>({});
  const schema = useMemo(() => toJsonObject(props.form.schema), [props.form.schema]);
  const uiSchema = useMemo(() => toJsonObject(localizeUiSchema(props.form.uiSchema, locale)), [props.form.uiSchema, locale]);
  const resetKey = JSON.stringify(props.form);
  return (
    <div className="form-preview" aria-label={t('forms.preview')}>
      <PreviewBoundary resetKey={resetKey}>
        <EstateForm schema={schema} uiSchema={uiSchema} formData={data} onChange={setData} onSubmit={setData} locale={locale} offline>
          <Button type="primary" htmlType="submit">
            {t('sim.send')}
          </Button>
        </EstateForm>
      </PreviewBoundary>
    </div>
  );
}
