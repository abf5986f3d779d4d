import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { useScrollTo } from '../../components/use-scroll-to';
import { useFormat } from '../../i18n/format';
import { CommentForm } from './CommentForm';
import { useCommentActions } from './comment-hooks';
import { type Comment, useComments } from './submission-hooks';

/**
 * The section's comment threads: write, reply, resolve and reopen (`canWrite`), or read only. A mention's
 * link ends in `#comment-<id>`: that comment is scrolled to and marked once the threads have loaded.
 */
export function SectionComments({
  submissionId,
  sectionId,
  canWrite,
}: {
  submissionId: string;
  sectionId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const comments = useComments(submissionId, sectionId);
  const { resolve } = useCommentActions(submissionId, sectionId);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const { hash } = useLocation();
  useScrollTo(hash.startsWith('#comment-') ? hash.slice(1) : null, comments.isSuccess);

  return (
    <section className="panel comments-panel" aria-labelledby="comments">
      <h2 id="comments">{t('submissions.comments')}</h2>
      {comments.isPending ? (
        <LoadingState />
      ) : comments.error ? (
        <ErrorState error={comments.error} retry={() => void comments.refetch()} />
      ) : comments.data.items.length === 0 ? (
        <EmptyState>{t('submissions.noComments')}</EmptyState>
      ) : (
        <ul className="card-list">
          {comments.data.items.map((thread) => (
            <li key={thread.id} className={thread.resolved ? 'thread resolved' : 'thread'}>
              <CommentView comment={thread} current={hash === `#comment-${thread.id}`} />
              {thread.replies && thread.replies.length > 0 && (
                <ul className="replies">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentView comment={reply} current={hash === `#comment-${reply.id}`} />
                    </li>
                  ))}
                </ul>
              )}
              {canWrite &&
                (replyTo === thread.id ? (
                  <CommentForm
                    submissionId={submissionId}
                    sectionId={sectionId}
                    parentId={thread.id}
                    onDone={() => setReplyTo(null)}
                  />
                ) : (
                  <div className="actions">
                    <button type="button" className="button-secondary" onClick={() => setReplyTo(thread.id)}>
                      {t('editor.replyButton')}
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={resolve.isPending}
                      onClick={() => resolve.mutate({ commentId: thread.id, resolved: !thread.resolved })}
                    >
                      {thread.resolved ? t('editor.reopen') : t('editor.resolve')}
                    </button>
                  </div>
                ))}
            </li>
          ))}
        </ul>
      )}
      <FormError error={resolve.error} />
      {canWrite && <CommentForm submissionId={submissionId} sectionId={sectionId} />}
    </section>
  );
}

function CommentView({ comment, current }: { comment: Comment; current: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article id={`comment-${comment.id}`} tabIndex={-1} className={current ? 'card comment current' : 'card comment'}>
      <p className="card-meta">
        <strong translate="no">{comment.author?.name ?? t('editor.someone')}</strong> ·{' '}
        <time dateTime={comment.createdAt}>{format.relative(comment.createdAt)}</time>
        {comment.resolved && (
          <>
            {' · '}
            <span className="badge badge-done">{t('submissions.resolved')}</span>
          </>
        )}
      </p>
      <p className="comment-body" translate="no">
        {comment.body}
      </p>
    </article>
  );
}
