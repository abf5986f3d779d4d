/**
 * The answer to a forgotten-password request: the same whether or not the address has an account, so it
 * tells nobody who is registered; it only says whether this server sends e-mail at all.
 */
export class PasswordResetRequestResponse {
  /** false: this server has no SMTP, so no reset link goes to anyone; ask the network's admin instead */
  emailConfigured: boolean;
}
