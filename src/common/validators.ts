import { Transform } from 'class-transformer';
import { IANAZone } from 'luxon';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Names people use that the IANA database lacks. Deadlines are "Geneva time" for the UN
 * treaty bodies, but Geneva shares Zurich's zone, so `Europe/Geneva` is stored as `Europe/Zurich`.
 */
export const TIME_ZONE_ALIASES: Record<string, string> = {
  'Europe/Geneva': 'Europe/Zurich',
  'Asia/Phnom Penh': 'Asia/Phnom_Penh',
};

export function canonicalTimeZone(value: string): string {
  return Object.hasOwn(TIME_ZONE_ALIASES, value) ? TIME_ZONE_ALIASES[value] : value;
}

/**
 * Answers of `canonicalZone` so far. Luxon's isValidZone builds an Intl.DateTimeFormat on every call
 * (about 0.1 ms); a list of 50 deadlines asks nine times a row. Bounded: only the first
 * ZONE_CACHE_MAX names asked are kept (there are about 600 zones).
 */
const zoneCache = new Map<string, string | null>();
const ZONE_CACHE_MAX = 2000;

/** The IANA zone to compute with (aliases resolved), or null when `value` names none. */
export function canonicalZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const known = zoneCache.get(value);
  if (known !== undefined) return known;
  const zone = canonicalTimeZone(value);
  const answer = zone === 'UTC' || (zone.includes('/') && IANAZone.isValidZone(zone)) ? zone : null;
  if (zoneCache.size < ZONE_CACHE_MAX) zoneCache.set(value, answer);
  return answer;
}

export function isTimeZone(value: unknown): value is string {
  return canonicalZone(value) !== null;
}

/**
 * An IANA time zone name such as `Asia/Phnom_Penh` or `Europe/Zurich` (aliases such as
 * `Europe/Geneva` are accepted and stored under their IANA name).
 */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }) => (typeof value === 'string' ? canonicalTimeZone(value) : value))(target, propertyName);
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Phnom_Penh', ...options },
      validator: { validate: isTimeZone },
    });
  };
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The field may be left out, but not sent as null (where `@IsOptional()` would let null through
 * to a NOT NULL column). A PATCH DTO made with `PartialType(CreateDto, { skipNullProperties: false })`
 * inherits it, and there null for a required field of `CreateDto` is refused as well; the
 * ValidationPipe reports either as "<field>: must not be null".
 */
export function OptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((_object: object, value: unknown) => value !== undefined)(target, propertyName);
    registerDecorator({
      name: 'notNull',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: MUST_NOT_BE_NULL, ...options },
      validator: { validate: (value: unknown) => value !== null },
    });
  };
}

export const MUST_NOT_BE_NULL = 'must not be null';

/** Trims surrounding white space from a string (other values pass unchanged, for the validators to refuse). */
export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

/** The largest value a PostgreSQL `integer` column holds: integer inputs stop here, so the database never refuses one. */
export const INT4_MAX = 2_147_483_647;
