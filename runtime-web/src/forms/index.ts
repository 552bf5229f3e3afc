// The shared form set: the staff app, the owner portal and the designer's live preview all
// render workflow forms through EstateForm. Widget names: ./README.md.
export { EstateForm } from './EstateForm';
export type { EstateFormProps } from './EstateForm';
export { estateWidgets, estateWidgetNames } from './widgets';
export { fieldErrorsToErrorSchema, splitErrorPath } from './server-errors';
export { localizeValidationErrors } from './localize-errors';
export { findDomainErrors } from './domain-validation';
export { formatYuan, moneyUnitForSchemaType, storedToYuan, yuanToStored } from './money';
export { collectAttachments, isAttachment, isImageAttachment, readAttachments } from './attachment-value';
export { sanitizeUiSchema } from './sanitize-ui-schema';
export type { EstateFormContext } from './form-context';
// The eval-free (CSP-safe) JSON Schema validator EstateForm uses; the designer's simulator too.
export { schemaValidator } from './schema-validator';
