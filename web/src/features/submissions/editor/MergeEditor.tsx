import { markdown } from '@codemirror/lang-markdown';
import { MergeView, unifiedMergeView } from '@codemirror/merge';
import { pageNonce } from './csp-nonce';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface MergeEditorProps {
  /** The text someone else saved (kept read-only). */
  theirs: string;
  /** The reader's own text, which they edit into the merged result. */
  mine: string;
  onChange: (merged: string) => void;
  /** Under 600 px: one column with the changes marked inline instead of two side by side. */
  narrow: boolean;
  theirsLabelId: string;
  mineLabelId: string;
}

/**
 * The conflict view: the saved text and the reader's text compared chunk by chunk (CodeMirror's merge
 * view). Arrows copy a chunk of the saved text into the reader's; the reader's side is the merged result.
 */
export default function MergeEditor({ theirs, mine, onChange, narrow, theirsLabelId, mineLabelId }: MergeEditorProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const phrases = EditorState.phrases.of({
      Accept: t('editor.mergeKeepMine'),
      Reject: t('editor.mergeTakeTheirs'),
      'Revert this chunk': t('editor.mergeCopyTheirs'),
    });
    const common: Extension[] = [pageNonce, markdown(), EditorView.lineWrapping, phrases];
    const listener = EditorView.updateListener.of((update) => {
      if (update.docChanged) latest.current(update.state.doc.toString());
    });
    const labelled = (id: string) => EditorView.contentAttributes.of({ 'aria-labelledby': id, lang: '' });
    if (narrow) {
      const view = new EditorView({
        parent: host.current!,
        state: EditorState.create({
          doc: mine,
          extensions: [...common, labelled(mineLabelId), listener, unifiedMergeView({ original: theirs })],
        }),
      });
      return () => view.destroy();
    }
    const view = new MergeView({
      parent: host.current!,
      a: {
        doc: theirs,
        extensions: [...common, labelled(theirsLabelId), EditorState.readOnly.of(true), EditorView.editable.of(false)],
      },
      b: { doc: mine, extensions: [...common, labelled(mineLabelId), listener] },
      revertControls: 'a-to-b',
    });
    return () => view.destroy();
    // Only a new saved text or width starts over (from the reader's latest text): the reader's typing and labels do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theirs, narrow]);

  return <div ref={host} className="merge-editor" translate="no" />;
}
