import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api/errors';
import { typedProblem } from '@/testing/fixtures';
import { fieldMessages, inputName, toFormProblem } from './form-problem';

describe('field error mapping', () => {
  it('names the input of a field path', () => {
    expect(inputName('nameFr')).toBe('nameFr');
    expect(inputName('saveTerritory.input.postcodePattern')).toBe('postcodePattern');
    expect(inputName('attractionIds[0]')).toBe('attractionIds');
  });

  it('groups the messages per input', () => {
    expect(
      fieldMessages([
        { field: 'save.input.nameFr', message: 'must not be blank' },
        { field: 'timeZone', message: 'unknown time zone' },
        { field: 'nameFr', message: 'size must be at most 100' },
      ]),
    ).toEqual({ nameFr: 'must not be blank size must be at most 100', timeZone: 'unknown time zone' });
    expect(fieldMessages(undefined)).toEqual({});
  });

  it('maps a 400 validation-failed to its detail and field messages', () => {
    const error = new ApiError(
      typedProblem('validation-failed', 400, 'Invalid input', { errors: [{ field: 'input.country', message: 'must be FR or GB' }] }),
    );
    expect(toFormProblem(error)).toEqual({ kind: 'validation-failed', detail: 'Invalid input', fields: { country: 'must be FR or GB' } });
  });

  it('maps a 409 already-exists, a network failure and anything else', () => {
    expect(toFormProblem(new ApiError(typedProblem('already-exists', 409, 'User x exists')))).toEqual({
      kind: 'already-exists',
      detail: 'User x exists',
      fields: {},
    });
    expect(toFormProblem(new NetworkError())).toEqual({ kind: 'network', fields: {} });
    expect(toFormProblem(new ApiError(typedProblem('keycloak-refused', 502, 'Keycloak said no')))).toEqual({
      kind: 'other',
      detail: 'Keycloak said no',
      fields: {},
    });
  });
});
