import type { en } from './en.catalogue.js';

/** The server's own messages in Khmer, for Cambodian partner staff. */
export const km: Record<keyof typeof en, string> = {
  "reminder.overdue": "ហួសកាលកំណត់៖ {{title}}",
  "reminder.due": "ដល់កាលកំណត់ក្នុងរយៈពេល {{when}}៖ {{title}}",
  "reminder.deadline": "កាលកំណត់ ({{kind}})៖ {{title}}",
  "reminder.openText": "បើកមើល៖ {{url}}",
  "reminder.markDoneText": "សម្គាល់ថាធ្វើរួចហើយ (មិនចាំបាច់ចូលគណនី)៖ {{url}}",
  "reminder.ackText": "បញ្ជាក់ថាបានទទួលដំណឹង (មិនចាំបាច់ចូលគណនី)៖ {{url}}",
  "reminder.unsubscribeText": "ឈប់ទទួលអ៊ីមែលរំលឹក៖ {{url}}",
  "reminder.open": "បើកក្នុង CJN Tracker",
  "reminder.markDone": "សម្គាល់ថាធ្វើរួចហើយ",
  "reminder.acknowledge": "បញ្ជាក់ថាបានទទួល",
  "reminder.unsubscribe": "ឈប់ទទួលអ៊ីមែលរំលឹក",
  "deadlineKind.external": "របស់ម្ចាស់ជំនួយ",
  "deadlineKind.internal": "ផ្ទៃក្នុង",
  "zone.deadline": "ម៉ោងតាមកាលកំណត់",
  "zone.you": "ម៉ោងរបស់អ្នក",
  "zone.phnomPenh": "ម៉ោងភ្នំពេញ",
  "subject.opportunity": "ឱកាសមូលនិធិ",
  "subject.partner": "ដៃគូ",
  "subject.checklistItem": "ឯកសារត្រូវផ្ដល់",
  "subject.submission": "សំណើ",
  "subject.section": "ផ្នែកនៃសំណើ"
};
