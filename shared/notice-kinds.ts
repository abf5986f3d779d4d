/**
 * Every kind of in-app notice the server writes. The web app writes each one's title and body from the
 * row's `params` in the reader's language (a unit test checks both catalogues have each).
 */
export const NOTICE_KINDS = ['deadline.reminder', 'deadline.overdue', 'mention', 'partner.invited'] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * What a notice's sentences need, as it was when it was written: ids, titles and names (`deadline`,
 * `subject`, `section`, `actor`, `organization`, `opportunity`), enum values (`deadlineKind`, `subjectType`,
 * `role`), the deadline's instant (`dueAt`, ISO 8601), date (`dueDate`) and zone (`timeZone`), and the
 * reminder's offset (`offset`, ISO 8601 duration; absent when overdue).
 */
export type NoticeParams = Record<string, string | number | boolean | null>;
