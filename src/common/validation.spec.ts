import { describe, expect, it } from '@jest/globals';
import type { BadRequestException } from '@nestjs/common';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { AcceptablePassword } from '../users/password-policy.js';
import { createValidationPipe } from './validation.js';

class Example {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  title: string;

  @IsOptional()
  @IsUrl()
  url?: string;

  @IsOptional()
  @IsIn(['en', 'km'])
  language?: string;

  @IsOptional()
  @AcceptablePassword()
  password?: string;
}

/** What the pipe answers for `body`: the response of its 400. */
async function refusal(body: object) {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: Example });
  } catch (error) {
    return (error as BadRequestException).getResponse() as { code: string; details: unknown[] };
  }
  throw new Error('the pipe accepted the body');
}

describe('bad input: each field’s problem as a code with its limits, for the reader’s language', () => {
  it('names a missing field, a text over its limit, a bad address and a value outside the list', async () => {
    const missing = await refusal({});
    expect(missing.code).toBe('invalid_input');
    expect(missing.details).toEqual([expect.objectContaining({ field: 'title', code: 'required', params: {} })]);
    const wrong = await refusal({ title: 'x'.repeat(21), url: 'not a url', language: 'fr' });
    expect(wrong.details).toEqual([
      expect.objectContaining({ field: 'title', code: 'too_long', params: { max: 20 } }),
      expect.objectContaining({ field: 'url', code: 'not_url', params: {} }),
      expect.objectContaining({ field: 'language', code: 'not_one_of', params: { allowed: ['en', 'km'] } }),
    ]);
  });

  it('null for a required field is one problem, and an unknown field is named as such', async () => {
    expect((await refusal({ title: null })).details).toEqual([
      expect.objectContaining({ field: 'title', code: 'required', problems: ['must not be null'] }),
    ]);
    expect((await refusal({ title: 'ok', isAdmin: true })).details).toEqual([
      expect.objectContaining({ field: 'isAdmin', code: 'unknown_field' }),
    ]);
  });

  it('says which password rule a password breaks, one at a time', async () => {
    const codeFor = async (password: string) =>
      ((await refusal({ title: 'ok', password })).details[0] as { code: string }).code;
    await expect(codeFor('password12')).resolves.toBe('common_password');
    await expect(codeFor('zzzzzzzzzz')).resolves.toBe('repeated_character');
    await expect(codeFor('CJN-Tracker!')).resolves.toBe('guessable_password');
    await expect(codeFor('short')).resolves.toBe('too_short');
  });
});
