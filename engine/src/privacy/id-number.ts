// The ID number rules live in the shared model, beside the form checks that use them.
export { idNumberCheckCharacter, isValidIdNumber } from '@estateflow/model';
