/**
 * Reads the parameters back out of the English summaries that activity rows carried before `params`
 * (migration 1764300000000). Frozen with that migration: the summaries are those the server wrote
 * until then, so this file must not follow later changes to the services. A summary that matches no
 * rule gives null, and the row keeps showing its English summary.
 */
type Params = Record<string, string | number | boolean | null | string[]>;
type Changes = Record<string, unknown> | null;
type Rule = (summary: string, changes: Changes) => Params | null;

/** Changed field names as the summaries list them: `title, dueAt`. */
const FIELDS = String.raw`(?<fields>\w+(?:, \w+)*)`;

/** The named groups of the first pattern that matches, with `fields` split and numbers read. */
function match(...patterns: RegExp[]): Rule {
  return (summary) => {
    for (const pattern of patterns) {
      const groups = pattern.exec(summary)?.groups;
      if (!groups) continue;
      const params: Params = {};
      for (const [key, value] of Object.entries(groups)) {
        if (value === undefined) continue;
        if (key === 'fields') params.fields = value.split(', ');
        else if (['count', 'version'].includes(key)) params[key] = Number(value);
        else params[key] = value;
      }
      return params;
    }
    return null;
  };
}

/** `rule`, with what `changes` adds to the params found. */
function plus(rule: Rule, more: (changes: Record<string, unknown>, params: Params) => Params): Rule {
  return (summary, changes) => {
    const params = rule(summary, changes);
    return params ? { ...params, ...more(changes ?? {}, params) } : null;
  };
}

const pair = (value: unknown): [string, string] | null =>
  Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' ? [value[0], value[1]] : null;

/** A workflow move: its title from the summary, the move itself from `changes`. */
function moved(field: 'stage' | 'status', overridden: (changes: Record<string, unknown>) => unknown): Rule {
  return (summary, changes) => {
    const move = pair(changes?.[field]);
    const title = /^Moved "(?<title>.*)" from /.exec(summary)?.groups?.title;
    if (!move || title === undefined) return null;
    const blockers = overridden(changes!);
    return {
      title,
      from: move[0],
      to: move[1],
      reason: typeof changes!.reason === 'string' ? changes!.reason : null,
      ...(Array.isArray(blockers) ? { count: blockers.length } : {}),
    };
  };
}

const closingDate = /^Closing date of "(?<opportunity>.*)": \w+ deadline for (?<dueAt>\S+)$/;
const closing = plus(match(closingDate), () => ({ closingDate: true }));
const deadlineChanged = (action: string): Rule => {
  const changed = match(new RegExp(String.raw`^Changed ${FIELDS} of deadline "(?<title>.*)"$`));
  return (summary, changes) => changed(summary, changes) ?? (action === 'updated' ? null : closing(summary, changes));
};
const partnerStatus = match(/^(?<organization>.*) (?:invited|confirmed|declined) on "(?<opportunity>.*)"$/);
const checklistStatus = match(
  /^Marked "(?<title>.*)" (?:todo|done|waived) on "(?<opportunity>.*)"(?:: (?<reason>.*))?$/,
);

export const RULES: Record<string, Rule> = {
  'user.created': plus(
    match(/^Created (?<role>\w+) (?<name>.*) <(?<email>[^<>]*)>(?<invited> \(invited\))?$/),
    (_, p) => ({
      invited: p.invited !== undefined,
    }),
  ),
  'user.updated': match(
    new RegExp(String.raw`^Updated ${FIELDS} of (?<name>.*)$`),
    new RegExp(String.raw`^(?<name>.*) updated their ${FIELDS}$`),
  ),
  'user.invited': match(/^Sent a new invitation to (?<email>.*)$/),
  'user.invitation_accepted': match(/^(?<name>.*) accepted their invitation$/),
  'user.password_reset': match(/^(?<name>.*) set a new password through a reset link$/),
  'user.signed_in': match(/^(?<name>.*) signed in$/),
  'user.unsubscribed': match(/^(?<name>.*) stopped reminder e-mails from a link$/),
  'user.telegram_linked': match(/^(?<name>.*) linked a Telegram chat$/),
  'user.telegram_unlinked': match(/^(?<name>.*) unlinked Telegram$/),
  'api_token.created': match(/^Created API token "(?<name>.*)"$/),
  'api_token.revoked': match(/^Revoked an API token$/),
  'organization.created': match(/^Created organisation (?<name>.*)$/),
  'organization.updated': match(new RegExp(String.raw`^Updated ${FIELDS} of (?<name>.*)$`)),
  'organization.archived': match(/^Archived organisation (?<name>.*)$/),
  'organizationDocument.created': match(/^Added document "(?<title>.*)" to (?<organization>.*)$/),
  'organizationDocument.updated': match(
    new RegExp(String.raw`^Updated ${FIELDS} of document "(?<title>.*)" of (?<organization>.*)$`),
  ),
  'organizationDocument.removed': match(/^Removed document "(?<title>.*)" of (?<organization>.*)$/),
  'organizationDocument.file_uploaded': match(
    /^Uploaded (?<fileName>.*) for document "(?<title>.*)" of (?<organization>.*)$/,
  ),
  'opportunity.created': match(
    /^Recorded opportunity "(?<title>.*)"(?: \(demo data, \w+\))?$/,
    /^Created "(?<title>.*)"$/,
  ),
  'opportunity.imported': match(/^Imported opportunity "(?<title>.*)" \((?<stage>\w+)\) from CSV$/),
  'opportunity.updated': match(new RegExp(String.raw`^Updated ${FIELDS} of "(?<title>.*)"$`)),
  'opportunity.archived': match(/^Archived "(?<title>.*)"$/),
  'opportunity.transitioned': moved('stage', (c) => (c.override as { blockers?: unknown } | undefined)?.blockers),
  'opportunity.transition_overridden': moved(
    'stage',
    (c) => (c.override as { blockers?: unknown } | undefined)?.blockers,
  ),
  'partner.invited': (s, c) =>
    match(/^Invited (?<organization>.*) as (?<role>\w+) to "(?<opportunity>.*)"$/)(s, c) ?? partnerStatus(s, c),
  'partner.confirmed': partnerStatus,
  'partner.declined': partnerStatus,
  'partner.updated': match(new RegExp(String.raw`^Updated ${FIELDS} of (?<organization>.*) on "(?<opportunity>.*)"$`)),
  'partner.removed': match(
    /^Removed (?<organization>.*) from "(?<opportunity>.*)" \(and the checklist items it owed\)$/,
  ),
  'checklistItem.created': match(/^Added checklist item "(?<title>.*)" to "(?<opportunity>.*)"$/),
  'checklistItem.updated': (s, c) =>
    match(new RegExp(String.raw`^Updated ${FIELDS} of "(?<title>.*)" on "(?<opportunity>.*)"$`))(s, c) ??
    plus(match(/^(?<actor>.*) marked "(?<title>.*)" done from a reminder link$/), () => ({ via: 'reminderLink' }))(
      s,
      c,
    ),
  'checklistItem.todo': checklistStatus,
  'checklistItem.done': checklistStatus,
  'checklistItem.waived': checklistStatus,
  'checklistItem.removed': match(/^Removed checklist item "(?<title>.*)" from "(?<opportunity>.*)"$/),
  'checklistItem.file_uploaded': match(/^Uploaded (?<fileName>.*) for "(?<title>.*)" on "(?<opportunity>.*)"$/),
  'submission.created': match(/^Created submission "(?<title>.*)" to (?<targetBody>.*)$/),
  'submission.updated': match(new RegExp(String.raw`^Updated ${FIELDS} of "(?<title>.*)"$`)),
  'submission.archived': match(/^Archived submission "(?<title>.*)"$/),
  'submission.transitioned': moved('status', (c) => c.overridden),
  'submission.endorsed': match(/^(?<organization>.*) signed on to "(?<title>.*)"$/),
  'submission.endorsement_withdrawn': match(/^(?<organization>.*) withdrew from "(?<title>.*)"$/),
  'submission.sections_reordered': match(/^Reordered the sections of "(?<title>.*)"$/),
  'submission.snapshot_created': match(/^Saved snapshot "(?<name>.*)" of "(?<title>.*)" \((?<count>\d+) words\)$/),
  'section.created': match(/^Added section "(?<title>.*)" to "(?<submission>.*)"$/),
  'section.updated': plus(
    match(/^Saved version (?<version>\d+) of section "(?<title>.*)" of "(?<submission>.*)"$/),
    (c) => ({
      fields: Object.keys(c).filter((field) => field !== 'version'),
    }),
  ),
  'section.deleted': match(
    /^Removed section "(?<title>.*)" \(version (?<version>\d+), (?<count>\d+) words\) from "(?<submission>.*)"$/,
  ),
  'comment.created': plus(
    match(/^Commented on section "(?<section>.*)"(?: mentioning (?<count>\d+) user\(s\))?$/),
    (_, p) => ({
      count: p.count ?? 0,
    }),
  ),
  'comment.replied': plus(
    match(/^Replied to a comment on section "(?<section>.*)"(?: mentioning (?<count>\d+) user\(s\))?$/),
    (_, p) => ({
      count: p.count ?? 0,
    }),
  ),
  'comment.updated': plus(match(/^Edited a comment(?: mentioning (?<count>\d+) more user\(s\))?$/), (_, p) => ({
    count: p.count ?? 0,
  })),
  'comment.resolved': match(/^Resolved a comment thread$/),
  'comment.reopened': match(/^Reopened a comment thread$/),
  'comment.deleted': plus(match(/^Deleted a comment(?<thread> thread)?$/), (_, p) => ({
    thread: p.thread !== undefined,
  })),
  'deadline.created': (s, c) =>
    match(
      /^Set (?<kind>\w+) deadline "(?<title>.*)" for (?<dueAt>\S+) \((?<timeZone>[^()]+)\)$/,
      /^Set (?<kind>\w+) deadline "(?<title>.*)" \(demo data\)$/,
      /^Set deadline "(?<title>.*)"$/,
    )(s, c) ?? closing(s, c),
  'deadline.updated': deadlineChanged('updated'),
  'deadline.moved': deadlineChanged('moved'),
  'deadline.done': deadlineChanged('done'),
  'deadline.cancelled': deadlineChanged('cancelled'),
  'deadline.reopened': deadlineChanged('reopened'),
  'deadline.missed': (s, c) =>
    match(/^Deadline "(?<title>.*)" passed without being marked done$/)(s, c) ?? deadlineChanged('missed')(s, c),
  'deadline.acknowledged': match(/^(?<actor>.*) acknowledged "(?<title>.*)"$/),
  'deadline.deleted': match(/^Removed deadline "(?<title>.*)"$/),
  // Actions added after migration 1764300000000 are written with their params: no older row lacks them.
  'review.created': () => null,
  'review.updated': () => null,
  'review.recommendations_imported': () => null,
  'recommendation.updated': () => null,
  'recommendation.assessed': () => null,
};

/** The params an old row's summary says, or null when it says them in no way known here. */
export function paramsFromSummary(action: string, summary: string, changes: Changes): Params | null {
  return RULES[action]?.(summary, changes) ?? null;
}
