import { describe, expect, it } from 'vitest';
import { en, nb } from '../../i18n/messages';
import { refusalText } from './refusals';

// every refusal cis-core's InstalmentPlanPolicy.options gives (ArrangementOption.Refusal's rule)
const offerRules = ['plan.noRule', 'plan.active', 'plan.recentDefault', 'plan.inCollection', 'plan.nothingOverdue', 'plan.tooLarge', 'plan.tooSmall'];

describe('why no instalment plan is possible', () => {
  it('is said in bokmål for each rule, without the API’s English sentence', () => {
    const text = refusalText(nb.rules, { rule: 'plan.nothingOverdue', reason: 'nothing is overdue, so there is nothing to split into instalments' });
    expect(text).toBe('Kunden har ikke noe forfalt å dele opp.');
    for (const rule of offerRules) {
      expect(nb.rules[rule], rule).toBeTruthy();
      expect(refusalText(nb.rules, { rule, reason: 'an English sentence' })).toBe(nb.rules[rule]);
    }
  });

  it('is the API’s own message in English, which names the amounts and dates', () => {
    expect(refusalText(en.rules, { rule: 'plan.tooSmall', reason: 'the overdue amount of 150.00 kr is too small to split' }))
      .toBe('the overdue amount of 150.00 kr is too small to split');
  });

  it('falls back to the API’s message for a rule the UI does not know, else to the rule', () => {
    expect(refusalText(nb.rules, { rule: 'plan.somethingNew', reason: 'a new reason' })).toBe('a new reason');
    expect(refusalText(nb.rules, { rule: 'plan.somethingNew' })).toBe('plan.somethingNew');
  });
});
