import { errorFromResponse } from './error-body.js';

const ctx = { method: 'GET', url: 'http://h:1/api/2.0/mlflow/x', attempts: 1 };

describe('errorFromResponse', () => {
  it('takes the code from MLflow error_code, not from HTTP 400', () => {
    const body = JSON.stringify({ error_code: 'RESOURCE_ALREADY_EXISTS', message: 'exists' });
    const err = errorFromResponse({ ...ctx, status: 400 }, body);
    expect(err.code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(err.status).toBe(400);
  });

  it('maps an unknown server error_code to UNKNOWN and keeps the raw string', () => {
    const body = JSON.stringify({ error_code: 'SOMETHING_NEW', message: 'm' });
    const err = errorFromResponse({ ...ctx, status: 500 }, body);
    expect(err).toMatchObject({ code: 'UNKNOWN', serverErrorCode: 'SOMETHING_NEW' });
  });

  it('reads a plain-text 401 as UNAUTHENTICATED with the text in the message', () => {
    const err = errorFromResponse({ ...ctx, status: 401 }, 'You are not authenticated.');
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toContain('You are not authenticated.');
    expect(err.message).toContain('GET http://h:1/api/2.0/mlflow/x');
  });

  it('reads a 403 as PERMISSION_DENIED', () => {
    expect(errorFromResponse({ ...ctx, status: 403 }, 'Permission denied').code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('reads an HTML 502 from a proxy as UNAVAILABLE without the markup', () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const err = errorFromResponse({ ...ctx, status: 502 }, html);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain('502 Bad Gateway');
    expect(err.message).not.toContain('<h1>');
  });

  it('treats JSON without error_code like any non-MLflow body', () => {
    expect(errorFromResponse({ ...ctx, status: 404 }, '{"detail":"nope"}').code).toBe(
      'ENDPOINT_NOT_FOUND',
    );
  });
});
