// The canonical forms live in the shared model, beside the form checks that use them.
export { isMobilePhone, normaliseIdNumber, normalisePhone } from '@estateflow/model';
