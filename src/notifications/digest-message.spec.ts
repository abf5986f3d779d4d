import { describe, expect, it } from '@jest/globals';
import { resolveDueAt } from '../deadlines/reminder-times.js';
import { renderDigest } from './digest-message.js';

describe('digest e-mail', () => {
  const entry = {
    title: 'Concept note',
    subjectTitle: 'EU call',
    dueAt: resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Asia/Phnom_Penh' }),
    timeZone: 'Asia/Phnom_Penh',
    url: 'https://cjn.example/opportunities/1',
  };
  const links = { app: 'https://cjn.example/deadlines', unsubscribe: 'https://cjn.example/api/v1/unsubscribe/u' };

  it('is in English by default', () => {
    const mail = renderDigest('weekly', 'Asia/Phnom_Penh', [entry], [], links);
    expect(mail.subject).toBe('[CJN] Your weekly deadlines: 0 in the next 14 days, 1 overdue');
    expect(mail.text).toContain('Sun 1 Mar 2026, 17:00 GMT+7 (Asia/Phnom_Penh)');
  });

  it('is in Khmer for a Khmer reader, dates included, no English sentence', () => {
    const mail = renderDigest('daily', 'Asia/Phnom_Penh', [entry], [entry], links, 'km');
    expect(mail.subject).toBe('[CJN] កាលកំណត់ប្រចាំថ្ងៃរបស់អ្នក៖ 1 ក្នុងរយៈពេល ១៤ ថ្ងៃខាងមុខ និង 1 ហួសកាលកំណត់');
    expect(mail.text).toContain('អាទិត្យ 1 មីនា 2026, 17:00 ម៉ោងសកល +7 (Asia/Phnom_Penh)');
    expect(mail.html).toContain('<html lang="km">');
    const words = mail.text
      .replace(/https?:\/\/\S+/g, '')
      .replace(/Concept note|EU call|\(Asia\/Phnom_Penh\)|CJN/g, '')
      .match(/[A-Za-z]{3,}/g);
    expect(words).toBeNull();
  });
});
