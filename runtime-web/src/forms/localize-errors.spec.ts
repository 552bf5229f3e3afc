import { describe, expect, it } from 'vitest';
import { localizeValidationErrors } from './localize-errors';

describe('AJV errors in the user language', () => {
  const errors = [
    {
      name: 'required',
      property: '.description',
      message: "must have required property 'description'",
      stack: '',
      params: { missingProperty: 'description' },
    },
    { name: 'minLength', property: '.description', message: 'must NOT have fewer than 5 characters', stack: '', params: { limit: 5 } },
    { name: 'somethingNew', property: '.x', message: 'kept as is', stack: 'kept' },
  ];
  it('translates known keywords to zh-CN and en and keeps unknown ones', () => {
    expect(localizeValidationErrors(errors, 'zh-CN').map((error) => error.message)).toEqual(['必填', '至少 5 个字符', 'kept as is']);
    expect(localizeValidationErrors(errors, 'en').map((error) => error.message)).toEqual([
      'Required',
      'At least 5 characters',
      'kept as is',
    ]);
  });
});
