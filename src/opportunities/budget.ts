/** Budget shares summed per currency, never converted: a share in another currency stays visible as such. */
export interface BudgetShare {
  budgetAmount: string | null;
  budgetCurrency: string | null;
}

export interface CurrencyTotal {
  currency: string;
  amount: string;
  partners: number;
  /** False when this currency differs from the call's currency. */
  callCurrency: boolean;
}

/** Exact decimal sum of numeric(14,2) strings (cents as BigInt, no float rounding). */
function toCents(amount: string): bigint {
  const [whole, frac = ''] = amount.split('.');
  const negative = whole.startsWith('-');
  const cents = BigInt(whole.replace('-', '') || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return negative ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function budgetTotals(shares: BudgetShare[], callCurrency: string | null): CurrencyTotal[] {
  const sums = new Map<string, { cents: bigint; partners: number }>();
  for (const s of shares) {
    if (s.budgetAmount === null || s.budgetCurrency === null) continue;
    const entry = sums.get(s.budgetCurrency) ?? { cents: 0n, partners: 0 };
    entry.cents += toCents(s.budgetAmount);
    entry.partners += 1;
    sums.set(s.budgetCurrency, entry);
  }
  return [...sums.entries()]
    .map(([currency, { cents, partners }]) => ({
      currency,
      amount: fromCents(cents),
      partners,
      callCurrency: callCurrency === null || currency === callCurrency,
    }))
    .sort((a, b) => Number(b.callCurrency) - Number(a.callCurrency) || a.currency.localeCompare(b.currency));
}
