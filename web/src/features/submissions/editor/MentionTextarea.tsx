import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session-hooks';
import { useMentionCandidates } from './editor-hooks';
import { insertMention } from './mention-text';
import type { MentionCandidate } from '../submission-hooks';

interface Props {
  submissionId: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** People picked from the list, whose `@Name` the text may contain. */
  onMention: (person: MentionCandidate) => void;
  required?: boolean;
}

/** The text typed after an `@` up to the caret, or null when the caret is not in a mention. */
function mentionQuery(text: string, caret: number): { start: number; q: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{M}\p{N}._-]{0,40})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[1].length - 1, q: match[1] } : null;
}

/**
 * A comment box where `@` opens the people who can read the submission (an ARIA combobox): arrows move,
 * Enter or Tab picks, Escape closes. A pick writes `@Name` and is sent as a mention.
 */
export function MentionTextarea({ submissionId, id, value, onChange, onMention, required }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; q: string } | null>(null);
  const [active, setActive] = useState(0);
  const people = useMentionCandidates(submissionId, query?.q ?? null);
  const me = useMe().data;
  const options = query ? (people.data?.items ?? []).filter((person) => person.id !== me?.id) : [];
  const open = query !== null && options.length > 0;

  const follow = (text: string, caret: number) => {
    const next = mentionQuery(text, caret);
    setQuery(next);
    if (next?.q !== query?.q) setActive(0);
  };

  const pick = (person: MentionCandidate) => {
    if (!query) return;
    const caret = box.current?.selectionStart ?? value.length;
    const { text, caret: at } = insertMention(value, query.start, caret, person.name);
    onChange(text);
    onMention(person);
    setQuery(null);
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  return (
    <div className="mention-box">
      <textarea
        ref={box}
        id={id}
        rows={3}
        required={required}
        maxLength={10_000}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          follow(e.target.value, e.target.selectionStart);
        }}
        onClick={(e) => follow(value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (i + step + options.length) % options.length);
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setQuery(null);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('editor.mentionList')} className="mention-list" hidden={!open}>
        {options.map((person, i) => (
          <li
            key={person.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(person);
            }}
          >
            <span translate="no">{person.name}</span>
            {person.organization && (
              <span className="hint" translate="no">
                {' '}
                {person.organization.acronym ?? person.organization.name}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
