import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** A non-negative amount with at most 2 decimals, sent as a JSON number or string; kept as a string. */
export const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

export function IsAmount(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))(
      target,
      key,
    );
    Matches(AMOUNT, { message: '$property must be a non-negative amount with at most 2 decimals, e.g. 25000.00' })(
      target,
      key,
    );
  };
}

export const CURRENCY = /^[A-Z]{3}$/;

export function IsCurrency(): PropertyDecorator {
  return Matches(CURRENCY, { message: '$property must be an ISO 4217 code in capitals, e.g. USD' });
}
