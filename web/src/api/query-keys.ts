/** Every TanStack Query key in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  calendarFeed: ['me', 'calendar'] as const,
  apiTokens: ['me', 'tokens'] as const,
  deadlines: {
    all: ['deadlines'] as const,
    list: (filter: Record<string, string>) => ['deadlines', 'list', filter] as const,
    detail: (id: string) => ['deadlines', 'detail', id] as const,
    reminders: (id: string) => ['deadlines', 'detail', id, 'reminders'] as const,
  },
  activity: (limit: number) => ['activity', limit] as const,
  opportunities: {
    detail: (id: string) => ['opportunities', id] as const,
    partners: (id: string) => ['opportunities', id, 'partners'] as const,
    checklist: (id: string) => ['opportunities', id, 'checklist'] as const,
    activity: (id: string) => ['opportunities', id, 'activity'] as const,
  },
  organization: (id: string) => ['organizations', id] as const,
  organizations: (q: string) => ['organizations', 'list', q] as const,
  organizationDocuments: (id: string) => ['organizations', id, 'documents'] as const,
  submissions: {
    detail: (id: string) => ['submissions', id] as const,
    sections: (id: string) => ['submissions', id, 'sections'] as const,
    section: (id: string, sectionId: string) => ['submissions', id, 'sections', sectionId] as const,
    comments: (id: string, sectionId: string) => ['submissions', id, 'sections', sectionId, 'comments'] as const,
    endorsements: (id: string) => ['submissions', id, 'endorsements'] as const,
    presence: (id: string, sectionId: string) => ['submissions', id, 'sections', sectionId, 'presence'] as const,
    revisions: (id: string, sectionId: string) => ['submissions', id, 'sections', sectionId, 'revisions'] as const,
    people: (id: string, q = '') => ['submissions', id, 'people', q] as const,
    document: (id: string) => ['submissions', id, 'document'] as const,
    snapshots: (id: string) => ['submissions', id, 'snapshots'] as const,
    snapshot: (id: string, snapshotId: string) => ['submissions', id, 'snapshots', snapshotId] as const,
    activity: (id: string) => ['submissions', id, 'activity'] as const,
  },
  reviews: {
    all: ['reviews'] as const,
    list: ['reviews', 'list'] as const,
    detail: (id: string) => ['reviews', id] as const,
    recommendations: (id: string, filter: Record<string, string> = {}) =>
      ['reviews', id, 'recommendations', filter] as const,
    recommendation: (id: string) => ['recommendations', id] as const,
  },
  notifications: ['notifications'] as const,
  admin: {
    allUsers: ['admin', 'users'] as const,
    users: (q: string) => ['admin', 'users', q] as const,
  },
};
