import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { useCommentActions } from './comment-hooks';
import { MentionTextarea } from './editor/MentionTextarea';
import type { MentionCandidate } from './submission-hooks';

interface Props {
  submissionId: string;
  sectionId: string;
  parentId?: string;
  onDone?: () => void;
}

/** A new comment, or a reply in a thread; `@` mentions someone, who gets it in their inbox. */
export function CommentForm({ submissionId, sectionId, parentId, onDone }: Props) {
  const { t } = useTranslation();
  const { create } = useCommentActions(submissionId, sectionId);
  const [body, setBody] = useState('');
  const [mentioned, setMentioned] = useState<MentionCandidate[]>([]);
  const id = parentId ? `reply-${parentId}` : 'new-comment';
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        const mentionedUserIds = mentioned.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);
        create.mutate(
          { body, ...(parentId ? { parentId } : {}), ...(mentionedUserIds.length ? { mentionedUserIds } : {}) },
          {
            onSuccess: () => {
              setBody('');
              setMentioned([]);
              onDone?.();
            },
          },
        );
      }}
    >
      <label htmlFor={id}>{parentId ? t('editor.reply') : t('editor.newComment')}</label>
      <MentionTextarea
        submissionId={submissionId}
        id={id}
        value={body}
        onChange={setBody}
        onMention={(person) => setMentioned((list) => [...list.filter((p) => p.id !== person.id), person])}
        required
      />
      <p className="hint">{t('editor.mentionHint')}</p>
      <FormError error={create.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending || !body.trim()}>
          {parentId ? t('editor.sendReply') : t('editor.sendComment')}
        </button>
        {onDone && (
          <button type="button" className="button-secondary" onClick={onDone}>
            {t('editor.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
