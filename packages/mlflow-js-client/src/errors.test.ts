import { MlflowError, isAlreadyExists, isAuthError, isNotFound, isUnavailable } from './errors.js';

const make = (code: MlflowError['code']) => new MlflowError({ code, message: 'm' });

describe('error helpers', () => {
  it('isNotFound is true for RESOURCE_DOES_NOT_EXIST', () => {
    expect(isNotFound(make('RESOURCE_DOES_NOT_EXIST'))).toBe(true);
  });

  it('isNotFound is false for a missing endpoint (a misconfigured URL is not a missing model)', () => {
    expect(isNotFound(make('ENDPOINT_NOT_FOUND'))).toBe(false);
  });

  it('isAlreadyExists is true for RESOURCE_ALREADY_EXISTS', () => {
    expect(isAlreadyExists(make('RESOURCE_ALREADY_EXISTS'))).toBe(true);
  });

  it('isAuthError covers UNAUTHENTICATED and PERMISSION_DENIED', () => {
    expect([isAuthError(make('UNAUTHENTICATED')), isAuthError(make('PERMISSION_DENIED'))]).toEqual([
      true,
      true,
    ]);
  });

  it('isUnavailable covers TIMEOUT and UNAVAILABLE', () => {
    expect([isUnavailable(make('TIMEOUT')), isUnavailable(make('UNAVAILABLE'))]).toEqual([
      true,
      true,
    ]);
  });

  it('helpers are false for non-MlflowError values', () => {
    expect(isNotFound(new Error('RESOURCE_DOES_NOT_EXIST'))).toBe(false);
  });

  it('withCode keeps the endpoint and chains the original as cause', () => {
    const original = new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: 'x',
      endpoint: 'GET u',
      status: 400,
    });
    const changed = original.withCode('RESOURCE_DOES_NOT_EXIST');
    expect(changed).toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
      endpoint: 'GET u',
      status: 400,
      cause: original,
    });
  });
});
