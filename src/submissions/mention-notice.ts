import { t } from '../i18n/translate.js';
import type { NewNotification } from '../notifications/notifications.service.js';

/** The inbox entry of someone @mentioned in a comment: who, in which section, and the comment's words. */
export function mentionNotice(
  actor: { id: string; name: string },
  submissionId: string,
  section: { id: string; title: string },
  comment: { id: string; body: string },
): NewNotification {
  return {
    kind: 'mention',
    params: {
      actorId: actor.id,
      actor: actor.name,
      submissionId,
      sectionId: section.id,
      section: section.title,
      commentId: comment.id,
    },
    title: (language) => t(language, 'notice.mention', { name: actor.name, section: section.title }),
    body: comment.body.length > 500 ? `${comment.body.slice(0, 499)}…` : comment.body,
    subjectType: 'section',
    subjectId: section.id,
    url: `/submissions/${submissionId}/sections/${section.id}#comment-${comment.id}`,
  };
}
