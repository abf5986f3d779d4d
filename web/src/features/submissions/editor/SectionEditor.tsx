import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { FormError, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { countWords, needsDictionary } from '../../../../../shared/word-count';
import { useNarrow } from '../../deadlines/use-narrow';
import { MarkdownText } from '../MarkdownText';
import type { Section } from '../submission-hooks';
import { clearDraft, loadDraft, storeDraft } from './drafts';
import { keepBoth } from './keep-both';
import { conflictOf, useRevisionBody, useSaveSection, useServerWordCount } from './editor-hooks';

const MarkdownEditor = lazy(() => import('./MarkdownEditor'));
const MergeEditor = lazy(() => import('./MergeEditor'));

interface Props {
  submissionId: string;
  section: Section;
  userId: string;
  /** The submission's word limit and its total as last saved, for the live count. */
  wordLimit: number | null;
  savedTotal: number;
}

type Notice = { kind: 'saved'; version: number } | { kind: 'restored'; at: string } | { kind: 'offline' } | null;

/**
 * Writing a section: Markdown with a preview, the live word count against the limit, saving on the
 * version the text was written on, and — when someone saved first — the merge view. Unsaved text is
 * kept on the device until the server has it.
 */
export function SectionEditor({ submissionId, section, userId, wordLimit, savedTotal }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useNarrow();
  const save = useSaveSection(submissionId, section.id);
  const [initial] = useState(() => {
    const draft = loadDraft(userId, section.id);
    return draft && draft.body !== section.body ? draft : null;
  });
  const [body, setBody] = useState(initial?.body ?? section.body);
  const [baseVersion, setBaseVersion] = useState(initial?.baseVersion ?? section.version);
  const [savedBody, setSavedBody] = useState(section.body);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [conflict, setConflict] = useState<Section | null>(null);
  const [merges, setMerges] = useState(0);
  const base = useRevisionBody(submissionId, section.id, conflict ? baseVersion : null);
  const [notice, setNotice] = useState<Notice>(initial ? { kind: 'restored', at: initial.savedAt } : null);
  const dirty = body !== savedBody;
  /** Takes a saved text as both what is shown and what is saved. */
  const adopt = (saved: Pick<Section, 'body' | 'version'>) => {
    setBody(saved.body);
    setSavedBody(saved.body);
    setBaseVersion(saved.version);
  };
  const typed = useRef(body);
  typed.current = body;

  // Someone else's save arrives while nothing is changed here: take it.
  useEffect(() => {
    if (!dirty && section.version > baseVersion) {
      adopt(section);
    }
  }, [section, dirty, baseVersion]);

  const pending = useRef<number | undefined>(undefined);
  const change = useCallback(
    (next: string) => {
      setBody(next);
      window.clearTimeout(pending.current);
      pending.current = window.setTimeout(() => storeDraft(userId, section.id, { body: next, baseVersion }), 300);
    },
    [userId, section.id, baseVersion],
  );
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const submit = (text: string, version: number) => {
    window.clearTimeout(pending.current);
    storeDraft(userId, section.id, { body: text, baseVersion: version });
    save.mutate(
      { body: text, version },
      {
        onSuccess: (saved) => {
          setConflict(null);
          setSavedBody(saved.body);
          setBaseVersion(saved.version);
          if (typed.current === text) {
            clearDraft(userId, section.id);
            setBody(saved.body);
          } else {
            // Typed on while the save was under way: that text stays, now based on the saved version.
            storeDraft(userId, section.id, { body: typed.current, baseVersion: saved.version });
          }
          setNotice({ kind: 'saved', version: saved.version });
        },
        onError: (error) => {
          const current = conflictOf(error);
          if (current) {
            setConflict(current);
            setNotice(null);
          } else if (!(error instanceof ApiError)) setNotice({ kind: 'offline' });
        },
      },
    );
  };

  // Text written without a connection is sent once it returns, on the version it was written on (a newer
  // save meanwhile shows the merge view, as for any save). A save already waiting for the network resumes
  // by itself, so nothing is sent twice.
  const wasOffline = useRef(!navigator.onLine);
  const latest = useRef({ dirty, body, baseVersion, busy: save.isPending || conflict !== null, submit });
  latest.current = { dirty, body, baseVersion, busy: save.isPending || conflict !== null, submit };
  useEffect(() => {
    const offline = () => {
      wasOffline.current = true;
    };
    const online = () => {
      const now = latest.current;
      if (wasOffline.current && now.dirty && !now.busy) now.submit(now.body, now.baseVersion);
      wasOffline.current = false;
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, []);

  const serverCount = useServerWordCount(body, needsDictionary(body));
  const live = serverCount ?? countWords(body);
  const total = savedTotal - section.wordCount + live;
  const over = wordLimit !== null && total > wordLimit;

  if (conflict) {
    return (
      <section className="panel conflict" aria-labelledby="conflict-title">
        <h2 id="conflict-title">{t('editor.conflictTitle')}</h2>
        <p role="alert">
          {t('editor.conflictText', {
            name: conflict.updatedBy?.name ?? t('editor.someone'),
            version: format.number(conflict.version),
            mine: format.number(baseVersion),
          })}
        </p>
        <p className="hint">{narrow ? t('editor.conflictHowNarrow') : t('editor.conflictHow')}</p>
        <div className="merge-labels" aria-hidden={narrow}>
          <span id="theirs-label">
            {t('editor.theirText', { name: conflict.updatedBy?.name ?? t('editor.someone') })}
          </span>
          <span id="mine-label">{t('editor.yourText')}</span>
        </div>
        <Suspense fallback={<LoadingState />}>
          <MergeEditor
            key={`${conflict.version}-${merges}`}
            theirs={conflict.body}
            mine={body}
            onChange={change}
            narrow={narrow}
            theirsLabelId="theirs-label"
            mineLabelId="mine-label"
          />
        </Suspense>
        <FormError error={conflictOf(save.error) ? null : save.error} />
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={save.isPending}
            onClick={() => submit(body, conflict.version)}
          >
            {t('editor.saveMerged')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              change(keepBoth(conflict.body, body, base.data?.body));
              setMerges((n) => n + 1);
            }}
          >
            {t('editor.keepBoth')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              clearDraft(userId, section.id);
              adopt(conflict);
              setConflict(null);
            }}
          >
            {t('editor.takeTheirs')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel editor-panel" aria-labelledby="editor-title">
      <div className="editor-head">
        <h2 id="editor-title">{t('editor.title')}</h2>
        <div role="tablist" aria-label={t('editor.modes')} className="tabs">
          {(['write', 'preview'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="tab"
              id={`tab-${mode}`}
              aria-selected={tab === mode}
              aria-controls={`panel-${mode}`}
              className={tab === mode ? 'tab active' : 'tab'}
              onClick={() => setTab(mode)}
            >
              {t(`editor.${mode}`)}
            </button>
          ))}
        </div>
      </div>
      {notice?.kind === 'restored' && (
        <div className="notice" role="status">
          <p>{t('editor.restored', { time: format.relative(notice.at) })}</p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              clearDraft(userId, section.id);
              adopt(section);
              setNotice(null);
            }}
          >
            {t('editor.discardDraft')}
          </button>
        </div>
      )}
      <div id="panel-write" role="tabpanel" aria-labelledby="tab-write" hidden={tab !== 'write'}>
        <Suspense fallback={<LoadingState />}>
          <MarkdownEditor
            value={body}
            onChange={change}
            onSave={() => dirty && submit(body, baseVersion)}
            labelledBy="editor-title"
            describedBy="word-count editor-hint"
            placeholder={t('editor.placeholder')}
          />
        </Suspense>
        <p id="editor-hint" className="hint">
          {t('editor.hint')}
        </p>
      </div>
      <div id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" hidden={tab !== 'preview'}>
        {tab === 'preview' &&
          (body.trim() ? (
            <MarkdownText source={body} />
          ) : (
            <p className="state state-empty">{t('editor.nothingYet')}</p>
          ))}
      </div>
      <p id="word-count" className={over ? 'word-count warning' : 'word-count'}>
        {t('editor.sectionWords', { count: live, words: format.number(live) })}
        {' · '}
        {wordLimit !== null
          ? t('editor.totalOfLimit', { total: format.number(total), limit: format.number(wordLimit) })
          : t('editor.total', { total: format.number(total) })}
        {over && <strong> {t('editor.overLimit', { over: format.number(total - wordLimit) })}</strong>}
      </p>
      <FormError error={save.error instanceof ApiError ? save.error : null} />
      <p role="status" className={notice?.kind === 'offline' || save.isPaused ? 'warning' : 'success'}>
        {save.isPaused
          ? t('editor.waitingForNetwork')
          : notice?.kind === 'saved'
            ? t('editor.saved', { version: format.number(notice.version) })
            : notice?.kind === 'offline'
              ? t('editor.offline')
              : dirty
                ? t('editor.unsaved')
                : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!dirty || save.isPending}
          onClick={() => submit(body, baseVersion)}
        >
          {save.isPending ? t('editor.saving') : t('editor.save')}
        </button>
      </div>
    </section>
  );
}
