import type { FormDefinition } from '@estateflow/model';
import { EstateForm } from '@estateflow/runtime-web/forms';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { FormErrorBoundary } from './FormErrorBoundary';
import { useI18n } from '../i18n/I18nContext';
import type { JsonObject } from '@estateflow/runtime-web/api';
import { toJsonObject } from '../util/toJsonObject';
import { withLocaleConvention } from './localizeForm';

/** The form as staff and owners will see it: the shared EstateForm (offline), validated as on submit. */
export function FormPreview(props: { form: FormDefinition }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<JsonObject>({});
  const schema = useMemo(() => toJsonObject(props.form.schema), [props.form.schema]);
  const uiSchema = useMemo(() => toJsonObject(withLocaleConvention(props.form.uiSchema)), [props.form.uiSchema]);
  const resetKey = JSON.stringify(props.form);
  return (
    <div className="form-preview" aria-label={t('forms.preview')}>
      <FormErrorBoundary resetKey={resetKey}>
        <EstateForm schema={schema} uiSchema={uiSchema} formData={data} onChange={setData} onSubmit={setData} locale={locale} offline>
          <Button type="primary" htmlType="submit">
            {t('sim.send')}
          </Button>
        </EstateForm>
      </FormErrorBoundary>
    </div>
  );
}
