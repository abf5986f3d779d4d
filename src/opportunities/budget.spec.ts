import { describe, expect, it } from '@jest/globals';
import { budgetTotals } from './budget.js';

describe('budgetTotals', () => {
  it('sums exactly per currency and flags shares in another currency than the call', () => {
    const totals = budgetTotals(
      [
        { budgetAmount: '0.10', budgetCurrency: 'USD' },
        { budgetAmount: '0.20', budgetCurrency: 'USD' },
        { budgetAmount: '12000000.55', budgetCurrency: 'EUR' },
        { budgetAmount: null, budgetCurrency: null },
      ],
      'USD',
    );
    expect(totals).toEqual([
      { currency: 'USD', amount: '0.30', partners: 2, callCurrency: true },
      { currency: 'EUR', amount: '12000000.55', partners: 1, callCurrency: false },
    ]);
  });

  it('is empty without budget shares', () => {
    expect(budgetTotals([], 'USD')).toEqual([]);
  });
});
