import { describe, expect, it } from '@jest/globals';
import { formatter } from './formatter.js';

describe('the city a time zone is named after', () => {
  it('is written in Khmer where we know the name, and as the zone says otherwise', () => {
    expect(formatter('km').city('Asia/Phnom_Penh')).toBe('ភ្នំពេញ');
    expect(formatter('km').city('Europe/Brussels')).toBe('ព្រុចសែល');
    expect(formatter('km').city('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(formatter('en').city('Asia/Phnom_Penh')).toBe('Phnom Penh');
    expect(formatter('en').city('UTC')).toBe('UTC');
  });
});
