/** The server's own messages in English. */
export const en = {
  "reminder.overdue": "Overdue: {{title}}",
  "reminder.due": "Due {{when}}: {{title}}",
  "reminder.deadline": "Deadline ({{kind}}): {{title}}",
  "reminder.openText": "Open it: {{url}}",
  "reminder.markDoneText": "Mark it done (no sign-in needed): {{url}}",
  "reminder.ackText": "Acknowledge (no sign-in needed): {{url}}",
  "reminder.unsubscribeText": "Stop reminder e-mails: {{url}}",
  "reminder.open": "Open in CJN Tracker",
  "reminder.markDone": "Mark done",
  "reminder.acknowledge": "Acknowledge",
  "reminder.unsubscribe": "Stop reminder e-mails",
  "deadlineKind.external": "external",
  "deadlineKind.internal": "internal",
  "zone.deadline": "Deadline time",
  "zone.you": "Your time",
  "zone.phnomPenh": "Phnom Penh",
  "subject.opportunity": "Opportunity",
  "subject.partner": "Partner",
  "subject.checklistItem": "Checklist item",
  "subject.submission": "Submission",
  "subject.section": "Section"
};
