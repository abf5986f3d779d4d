import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailService } from '../mail/mail.service.js';
import { QUEUES } from '../queue/queues.js';
import { InvitationsService } from './invitations.service.js';
import { User } from './user.entity.js';
import { invitationEmail } from './invitation.email.js';

/** Sends invitation e-mails; the job carries only the user id and re-reads the user. */
@Processor(QUEUES.invitations)
export class InvitationProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
  ) {
    super();
  }

  async process(job: Job<{ userId: string }>): Promise<string> {
    const user = await this.db.getRepository(User).findOneBy({ id: job.data.userId });
    if (!user || user.status !== 'invited') return 'skipped: no longer invited';
    const url = await this.invitations.issueLink(user.id);
    await this.mail.send({ to: user.email, ...invitationEmail(user.name, url, user.language) });
    return 'sent';
  }
}
