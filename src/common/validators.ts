import { IANAZone } from 'luxon';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && (value === 'UTC' || (value.includes('/') && IANAZone.isValidZone(value)));
}

/** An IANA time zone name such as `Asia/Phnom_Penh` or `Europe/Geneva`. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Phnom_Penh', ...options },
      validator: { validate: isTimeZone },
    });
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
