import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MailService } from '../mail/mail.service.js';
import { QUEUES } from '../queue/queues.js';
import { UsersService } from '../users/users.service.js';
import { passwordResetEmail } from './password-reset.email.js';
import { type PasswordResetJob, PasswordResetService } from './password-reset.service.js';

/** Sends password-reset e-mails; the job carries only the user id, and the user is read again. */
@Processor(QUEUES.passwordResets)
export class PasswordResetProcessor extends WorkerHost {
  constructor(
    private readonly users: UsersService,
    private readonly resets: PasswordResetService,
    private readonly mail: MailService,
  ) {
    super();
  }

  async process(job: Job<PasswordResetJob>): Promise<string> {
    const user = await this.users.findWithPasswordHash(job.data.userId);
    // Disabled since the request (or never given a password): nothing to reset.
    if (!user || user.status !== 'active' || !user.passwordHash) return 'skipped: not an active account';
    const url = this.resets.link({ ...user, passwordHash: user.passwordHash });
    await this.mail.send({ to: user.email, ...passwordResetEmail(user.name, url, user.language) });
    return 'sent';
  }
}
