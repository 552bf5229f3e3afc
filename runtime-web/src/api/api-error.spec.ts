import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse, parseRetryAfter } from './api-error';
import { withRetry } from './with-retry';
import { ApiError } from './api-error';

describe('API error mapping', () => {
  it('reads the error envelope and 422 field errors', () => {
    const error = apiErrorFromResponse({
      status: 422,
      bodyText: JSON.stringify({
        error: {
          code: 'validation_failed',
          message: 'form data is invalid',
          details: { fields: [{ path: '/description', message: { 'zh-CN': '必填', en: 'Required' } }, { bad: true }] },
        },
      }),
      retryAfter: null,
    });
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('form data is invalid');
    expect(error.fieldErrors).toEqual([{ path: '/description', message: { 'zh-CN': '必填', en: 'Required' } }]);
  });

  it('falls back to the status when the body is not JSON, and reads Retry-After', () => {
    const error = apiErrorFromResponse({ status: 429, bodyText: '<html>busy</html>', retryAfter: '30' });
    expect(error.code).toBe('too_many_requests');
    expect(error.retryAfterSeconds).toBe(30);
    expect(apiErrorFromResponse({ status: 502, bodyText: '', retryAfter: null }).code).toBe('internal');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
  });
});

describe('retries', () => {
  it('retries network failures and 5xx, never a 4xx', async () => {
    let calls = 0;
    const flaky = () => {
      calls += 1;
      return calls < 3 ? Promise.reject(new ApiError({ status: 0, code: 'network', message: 'down' })) : Promise.resolve('ok');
    };
    await expect(withRetry(flaky, { sleep: async () => {} })).resolves.toBe('ok');
    expect(calls).toBe(3);

    let refused = 0;
    const forbidden = () => {
      refused += 1;
      return Promise.reject(new ApiError({ status: 403, code: 'forbidden', message: 'no' }));
    };
    await expect(withRetry(forbidden, { sleep: async () => {} })).rejects.toThrow('no');
    expect(refused).toBe(1);
  });
});
