import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { canonicalTimeZone, isTimeZone, IsTimeZone } from './validators.js';

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
    for (const zone of ['Mars/Olympus', 'GMT+7', '+07:00', '', 42, null]) expect(isTimeZone(zone)).toBe(false);
  });

  it('accepts "Europe/Geneva" and stores it as Europe/Zurich, the zone Geneva keeps', () => {
    expect(canonicalTimeZone('Europe/Geneva')).toBe('Europe/Zurich');
    const dto = plainToInstance(WithZone, { timeZone: 'Europe/Geneva' });
    expect(validateSync(dto)).toHaveLength(0);
    expect(dto.timeZone).toBe('Europe/Zurich');
  });
});
