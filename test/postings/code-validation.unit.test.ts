import { describe, expect, it } from 'vitest';
import { validateApplication } from '../../src/modules/applications/application-validation';
import type { ApplicationInput } from '../../src/modules/applications/application.inputs';
import { SalaryInterval } from '../../src/modules/postings/posting-enums';
import type { UpdatePostingInput } from '../../src/modules/postings/posting.inputs';
import { validatePostingInput } from '../../src/modules/postings/posting-validation';
import { BadInputError } from '../../src/errors';

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    return err.problems.map((p) => p.field);
  }
}

/** Codes and addresses are checked against validator's real lists, not only their shape (a regex let "XX" and "ABC" through). */
describe('country, currency and e-mail checks', () => {
  const posting = (countryCode: string, currency: string) =>
    ({ title: 'T', locations: [{ name: 'Somewhere', countryCode }], salaryRange: { min: 1, max: 2, currency, interval: SalaryInterval.PER_YEAR } }) as UpdatePostingInput;

  it('accepts real ISO codes and refuses well-shaped fake ones, naming the field', () => {
    expect(fieldsOf(() => validatePostingInput(posting('DE', 'EUR'), true))).toEqual([]);
    expect(fieldsOf(() => validatePostingInput(posting('XX', 'ABC'), true))).toEqual(['locations[0].countryCode', 'salaryRange.currency']);
    expect(fieldsOf(() => validatePostingInput(posting('de', 'eur'), true))).toEqual(['salaryRange.currency']); // country codes are upper-cased first
  });

  it('refuses addresses validator rejects, and accepts ordinary ones', () => {
    const apply = (email: string) => ({ name: 'Ada Lovelace', email }) as ApplicationInput;
    expect(fieldsOf(() => validateApplication(apply('ada@example.com'), []))).toEqual([]);
    expect(fieldsOf(() => validateApplication(apply('ada.lovelace+jobs@mail.example.co.uk'), []))).toEqual([]);
    for (const bad of ['ada@example..com', 'ada@-example.com', '.ada@example.com', 'ada@example.c']) {
      expect(fieldsOf(() => validateApplication(apply(bad), [])), bad).toEqual(['email']);
    }
  });
});
