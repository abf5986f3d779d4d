import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, validateSync } from 'class-validator';
import { createValidationPipe } from './validation.js';
import { canonicalTimeZone, isTimeZone, IsTimeZone, OptionalNotNull, Trim } from './validators.js';

class WithZone {
  @IsTimeZone()
  timeZone: string;
}

describe('time zones', () => {
  it('accepts IANA zones used by the network and its partners', () => {
    for (const zone of ['Asia/Phnom_Penh', 'Europe/Zurich', 'Europe/Paris', 'America/New_York', 'UTC']) {
      expect(isTimeZone(zone)).toBe(true);
    }
  });

  it('rejects made-up zones, offsets and non-strings', () => {
    for (const zone of ['Mars/Olympus', 'GMT+7', '+07:00', '', 42, null, 'toString', '__proto__', 'constructor'])
      expect(isTimeZone(zone)).toBe(false);
  });

  it('accepts "Europe/Geneva" and stores it as Europe/Zurich, the zone Geneva keeps', () => {
    expect(canonicalTimeZone('Europe/Geneva')).toBe('Europe/Zurich');
    const dto = plainToInstance(WithZone, { timeZone: 'Europe/Geneva' });
    expect(validateSync(dto)).toHaveLength(0);
    expect(dto.timeZone).toBe('Europe/Zurich');
  });
});

class CreateThing {
  @Trim()
  @IsString()
  title: string;

  @OptionalNotNull()
  @IsIn(['a', 'b'])
  status?: string;

  @IsOptional()
  @IsString()
  note?: string | null;
}

class UpdateThing extends PartialType(CreateThing, { skipNullProperties: false }) {}

describe('null on a PATCH, through the ValidationPipe', () => {
  const pipe = createValidationPipe();
  const patch = (body: object) => pipe.transform(body, { type: 'body', metatype: UpdateThing });

  it('refuses null for a required or non-nullable field, naming it once', async () => {
    for (const field of ['title', 'status']) {
      const error = (await patch({ [field]: null }).catch((e: unknown) => e)) as BadRequestException;
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.getResponse()).toMatchObject({
        message: `Invalid input: ${field}: must not be null`,
        details: [{ field, problems: ['must not be null'] }],
      });
    }
  });

  it('lets a field be left out, clears a nullable one with null, and trims strings', async () => {
    expect(await patch({})).toEqual({});
    expect(await patch({ note: null, title: '  Budget  ' })).toEqual({ note: null, title: 'Budget' });
  });

  it('still names an unknown field sent as null as unknown', async () => {
    const error = (await patch({ nope: null }).catch((e: unknown) => e)) as BadRequestException;
    expect(JSON.stringify(error.getResponse())).toContain('should not exist');
  });
});
