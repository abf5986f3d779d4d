import { Injectable } from '@nestjs/common';
import { badField } from '../common/refusal.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { passwordRefusal } from './password-policy.js';

/** Whose password it is: the words of their name, address and organisation are refused as a password. */
export interface PasswordAccount {
  name?: string | null;
  email?: string | null;
  organizationId?: string | null;
}

/**
 * The password rules that need the account (the DTOs check the rest before): run wherever a password is
 * set — an admin creating or changing a user, an invitation accepted, a password changed or reset.
 */
@Injectable()
export class PasswordRules {
  constructor(private readonly organizations: OrganizationsService) {}

  /** A 400 shaped like the DTOs' (`invalid_input`, the field and its code) when `password` breaks a rule. */
  async check(field: string, password: string, account: PasswordAccount): Promise<void> {
    const organizations = account.organizationId
      ? [...(await this.organizations.refsByIds([account.organizationId])).values()]
      : [];
    const refusal = passwordRefusal(password, { name: account.name, email: account.email, organizations });
    if (refusal) throw badField(field, refusal.code, `${field} ${refusal.problem}`);
  }
}
