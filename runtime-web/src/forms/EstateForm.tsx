import { useMemo, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import Form from '@rjsf/antd';
import type { ErrorSchema, FormValidation, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldErrorDetail } from '../api/api-error';
import type { JsonObject, Locale, UnitOption } from '../api/types';
import { translate } from '../i18n/translate';
import { findDomainErrors, type DomainErrorKind } from './domain-validation';
import { localizeValidationErrors } from './localize-errors';
import { localizeForm } from './localize-form';
import { rjsfTranslator } from './rjsf-strings';
import { sanitizeUiSchema } from './sanitize-ui-schema';
import { schemaValidator } from './schema-validator';
import { fieldErrorsToErrorSchema } from './server-errors';
import { estateWidgets } from './widgets';
import './forms.css';

export type EstateFormProps = {
  schema: JsonObject;
  uiSchema?: JsonObject;
  formData: JsonObject;
  onChange: (formData: JsonObject) => void;
  onSubmit: (formData: JsonObject) => void;
  locale: Locale;
  estateId?: string;
  /** Set for an event form on an existing instance (uploads are linked to it). */
  instanceId?: string;
  units?: UnitOption[];
  /** The designer's preview: widgets make no requests. */
  offline?: boolean;
  /** A 422's `error.details.fields`, shown under the fields they name. */
  serverErrors?: FieldErrorDetail[];
  disabled?: boolean;
  /** The submit button shows a spinner and ignores taps while true. */
  busy?: boolean;
  /** Submit label when the uiSchema has no ui:submitButtonOptions.submitText. */
  submitLabel?: string;
  /** A full-width submit button (phones). */
  block?: boolean;
  /** Buttons shown after the submit button (e.g. Cancel). */
  extraButtons?: ReactNode;
  /** Replaces the default buttons entirely (one of them must be htmlType="submit"). */
  children?: ReactNode;
  id?: string;
};

const domainMessageKey: Record<DomainErrorKind, 'form.idNumberInvalid' | 'form.phoneInvalid' | 'form.confirmRequired'> = {
  idNumber: 'form.idNumberInvalid',
  phone: 'form.phoneInvalid',
  confirm: 'form.confirmRequired',
};

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function submitText(uiSchema: UiSchema): string | undefined {
  const options = uiSchema['ui:submitButtonOptions'];
  const text: unknown = isJsonObject(options) ? options.submitText : undefined;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

type ErrorNode = { addError: (message: string) => void };

function isErrorNode(value: unknown): value is ErrorNode {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'addError') === 'function';
}

/** RJSF only builds error nodes for keys present in the data; a missing one reports at the root. */
function errorNodeAt(root: ErrorNode, path: string[]): ErrorNode {
  let node: unknown = root;
  for (const key of path) node = isErrorNode(node) ? Reflect.get(node, key) : undefined;
  return isErrorNode(node) ? node : root;
}

/** The RJSF form every EstateFlow surface renders: Ant Design theme, AJV 8, domain widgets. */
export function EstateForm(props: EstateFormProps) {
  const { schema, uiSchema, formData, onChange, onSubmit, locale, serverErrors } = props;
  const localized = useMemo(() => localizeForm({ schema, uiSchema: sanitizeUiSchema(uiSchema ?? {}), locale }), [schema, uiSchema, locale]);
  const safeUiSchema = useMemo<UiSchema>(() => ({ ...localized.uiSchema }), [localized]);
  const rjsfSchema = useMemo<RJSFSchema>(() => ({ ...localized.schema }), [localized]);
  const extraErrors = useMemo<ErrorSchema | undefined>(
    () => (serverErrors?.length ? fieldErrorsToErrorSchema(serverErrors, locale) : undefined),
    [serverErrors, locale],
  );
  const formContext = useMemo(
    () => ({ locale, estateId: props.estateId, instanceId: props.instanceId, units: props.units, offline: props.offline === true }),
    [locale, props.estateId, props.instanceId, props.units, props.offline],
  );
  const translateString = useMemo(() => rjsfTranslator(locale), [locale]);

  function customValidate(data: unknown, errors: FormValidation): FormValidation {
    for (const problem of findDomainErrors(data, safeUiSchema)) {
      const message = translate(locale, domainMessageKey[problem.kind]);
      errorNodeAt(errors, problem.path).addError(message);
    }
    return errors;
  }

  return (
    <Form
      id={props.id}
      className="ef-form"
      schema={rjsfSchema}
      uiSchema={safeUiSchema}
      formData={formData}
      validator={schemaValidator}
      widgets={estateWidgets}
      formContext={formContext}
      translateString={translateString}
      transformErrors={(errors) => localizeValidationErrors(errors, locale)}
      customValidate={customValidate}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      disabled={props.disabled}
      onChange={(event) => onChange(isJsonObject(event.formData) ? event.formData : {})}
      onSubmit={(event) => onSubmit(isJsonObject(event.formData) ? event.formData : {})}
    >
      {props.children ?? (
        <Space wrap style={{ width: '100%' }} className={props.block ? 'ef-form-buttons-block' : undefined}>
          <Button
            type="primary"
            htmlType="submit"
            size={props.block ? 'large' : 'middle'}
            block={props.block}
            loading={props.busy}
            data-testid="form-submit"
          >
            {submitText(safeUiSchema) ?? props.submitLabel ?? translate(locale, 'common.submit')}
          </Button>
          {props.extraButtons}
        </Space>
      )}
    </Form>
  );
}
