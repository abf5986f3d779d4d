import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from './components/states';
import { AcceptInvitationPage, InvitationLinkRedirect } from './features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { RequireSession } from './features/auth/RequireSession';
import { SignInPage } from './features/auth/SignInPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';

/** A page loaded when first opened, so the first screen stays small. */
function page(load: () => Promise<ComponentType>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

const opportunityPage = page(() => import('./features/opportunities/OpportunityPage').then((m) => m.OpportunityPage));

/**
 * The app's routes are the paths the server writes into e-mails, Telegram messages, in-app notices and
 * calendar events (`/opportunities/:id` and its `/partners/:partnerId` and `/checklist/:itemId`,
 * `/submissions/:id`, `/submissions/:id/sections/:sectionId`, `/deadlines/:id`, `/deadlines`,
 * `/reviews/:id`, `/recommendations/:id`, `/invitation?token=`, `/reset-password?token=`), so every such link opens its record.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  { path: '/invitation', element: <InvitationLinkRedirect /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: 'deadlines',
        element: page(() => import('./features/deadlines/DeadlinesPage').then((m) => m.DeadlinesPage)),
      },
      {
        path: 'deadlines/new',
        element: page(() => import('./features/deadlines/NewDeadlinePage').then((m) => m.NewDeadlinePage)),
      },
      { path: 'calendar', element: <Navigate to="/deadlines?view=month" replace /> },
      {
        path: 'deadlines/:id',
        element: page(() => import('./features/deadlines/DeadlinePage').then((m) => m.DeadlinePage)),
      },
      {
        path: 'opportunities',
        element: page(() =>
          import('./features/opportunities/board/OpportunitiesPage').then((m) => m.OpportunitiesPage),
        ),
      },
      {
        path: 'opportunities/new',
        element: page(() => import('./features/opportunities/board/NewCallPage').then((m) => m.NewCallPage)),
      },
      { path: 'opportunities/:id', element: opportunityPage },
      // A partner's or a checklist item's reminder links to its opportunity's page, at that partner or item.
      { path: 'opportunities/:id/partners/:partnerId', element: opportunityPage },
      { path: 'opportunities/:id/checklist/:itemId', element: opportunityPage },
      {
        path: 'submissions',
        element: page(() => import('./features/submissions/list/SubmissionsPage').then((m) => m.SubmissionsPage)),
      },
      {
        path: 'submissions/new',
        element: page(() => import('./features/submissions/list/NewSubmissionPage').then((m) => m.NewSubmissionPage)),
      },
      {
        path: 'submissions/:id',
        element: page(() => import('./features/submissions/SubmissionPage').then((m) => m.SubmissionPage)),
      },
      {
        path: 'submissions/:id/sections/:sectionId',
        // The editor's chunk (CodeMirror, the largest) starts downloading with the page's, not after the section arrives.
        element: page(() => {
          void import('./features/submissions/editor/MarkdownEditor');
          return import('./features/submissions/SectionPage').then((m) => m.SectionPage);
        }),
      },
      { path: 'reviews', element: page(() => import('./features/reviews/ReviewsPage').then((m) => m.ReviewsPage)) },
      {
        path: 'reviews/:id',
        element: page(() => import('./features/reviews/ReviewPage').then((m) => m.ReviewPage)),
      },
      {
        path: 'recommendations/:id',
        element: page(() => import('./features/reviews/RecommendationPage').then((m) => m.RecommendationPage)),
      },
      { path: 'inbox', element: page(() => import('./features/inbox/InboxPage').then((m) => m.InboxPage)) },
      {
        path: 'admin/users',
        element: page(() => import('./features/admin/AdminUsersPage').then((m) => m.AdminUsersPage)),
      },
      {
        path: 'admin/organizations',
        element: page(() => import('./features/admin/AdminOrganizationsPage').then((m) => m.AdminOrganizationsPage)),
      },
      { path: 'profile', element: page(() => import('./features/profile/ProfilePage').then((m) => m.ProfilePage)) },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
