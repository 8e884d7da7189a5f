import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { formErrors, rolesNeeded } from './problem';

describe('the API refusal as form errors', () => {
  it('puts each violation next to its field and every one in the summary', () => {
    const error = new ApiError(400, {
      detail: '4 violations',
      violations: [
        { field: 'email', rule: 'email.format', message: "'email' is not an e-mail address" },
        { field: 'address', rule: 'address.postcode', message: 'a postcode has four digits' },
        { field: 'address', rule: 'address.city', message: 'the city is required' },
        { field: 'emial', rule: 'field.unknown', message: "'emial' is not a field of this request" },
      ],
    });
    expect(formErrors(error, ['email', 'address.postcode', 'address.city'])).toEqual({
      byField: { email: "'email' is not an e-mail address", 'address.postcode': 'a postcode has four digits', 'address.city': 'the city is required' },
      summary: ["'email' is not an e-mail address", 'a postcode has four digits', 'the city is required', "'emial' is not a field of this request"],
    });
  });

  it('says what went wrong when the refusal names no violation', () => {
    expect(formErrors(new ApiError(409, { detail: 'version 3 is stale; the customer is at version 4' }), ['email']))
      .toEqual({ byField: {}, summary: ['version 3 is stale; the customer is at version 4'] });
    expect(formErrors(null, [])).toEqual({ byField: {}, summary: [] });
  });

  it('names the roles a 403 asks for', () => {
    const refused = new ApiError(403, { violations: [{ rule: 'role.missing', roles: ['customer-service', 'admin'] }] });
    expect(rolesNeeded(refused)).toEqual(['customer-service', 'admin']);
    expect(rolesNeeded(new ApiError(403, {}))).toEqual([]);
    expect(rolesNeeded(new ApiError(404, {}))).toEqual([]);
  });

  it("speaks the UI's language where it knows the rule, and the API's otherwise", () => {
    const error = new ApiError(400, { violations: [
      { field: 'email', rule: 'email.format', message: "'email' is not an e-mail address" },
      { field: 'nationalId', rule: 'nationalId.somethingNew', message: 'a new rule' },
    ] });
    expect(formErrors(error, ['email', 'nationalId'], { 'email.format': 'Ikke en gyldig e-postadresse.' }).byField)
      .toEqual({ email: 'Ikke en gyldig e-postadresse.', nationalId: 'a new rule' });
  });
});
