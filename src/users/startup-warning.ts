/**
 * Something an admin should act on, found when the app started: logged then, and shown on the admin's
 * health view (`GET /health`) until it is resolved or the app restarts.
 */
export interface StartupWarning {
  /** Stable: `published_password` (params.accounts), `admin_email_ignored` (params.adminEmail, params.reason). */
  code: 'published_password' | 'admin_email_ignored';
  /** In English, for admins and logs. */
  message: string;
  params: Record<string, unknown>;
}
