import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService } from '../activity/activity.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { DocumentService } from './document.service.js';
import type { SubmissionTransitionDto } from './dto/submission.dto.js';
import { lockSubmission } from './submissions.repository.js';
import { Section } from './section.entity.js';
import { Submission, SubmissionPartner } from './submission.entity.js';
import { checkTransition, label } from '../../shared/submission.workflow.js';
import { requireLead } from './submission-roles.js';
import { activeEndorsements } from './submission.views.js';
import { SubmissionsService } from './submissions.service.js';

/** Moves a submission through its workflow; the guards may be overridden by a coordinator with a reason. */
@Injectable()
export class TransitionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly documents: DocumentService,
    private readonly submissions: SubmissionsService,
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
  ) {}

  async transition(actor: User, id: string, dto: SubmissionTransitionDto) {
    await this.access.requireAccess(actor, 'submission', id, 'write');
    await this.db.transaction(async (manager) => {
      // FOR UPDATE waits for section saves in flight (they hold FOR SHARE) and blocks new ones.
      const submission = await lockSubmission(manager, id, 'update');
      requireLead(actor, submission, 'move a submission through its workflow');
      const sections = await manager
        .getRepository(Section)
        .find({ where: { submissionId: id }, order: { position: 'ASC' } });
      const requiredSigners = await this.requiredSigners(manager, id);
      const endorsements = await activeEndorsements(manager, id);
      const from = submission.status;
      const check = checkTransition(from, dto.to, {
        sections,
        requiredSigners,
        endorsedOrganizationIds: endorsements.map((e) => e.organizationId),
      });
      if (!check.allowed) {
        throw new ConflictException({
          message: check.reason,
          details: { code: check.code, from, to: dto.to, next: check.next },
        });
      }
      const overriding = check.blockers.length > 0;
      if (overriding) {
        if (dto.override && !isCoordinator(actor.role))
          throw new ForbiddenException('Only a coordinator can override the conditions of a move');
        if (!isCoordinator(actor.role) || !dto.reason || dto.override === false) {
          throw new ConflictException({
            message: `Cannot move to ${label(dto.to)}: ${check.blockers.join('; ')}`,
            details: {
              code: 'submission.conditionsNotMet',
              blockers: check.blockers,
              problems: check.problems,
              overridable: 'A coordinator may override with a reason',
            },
          });
        }
      }
      const now = this.clock.now();
      await manager.getRepository(Submission).update(id, {
        status: dto.to,
        ...(dto.to === 'submitted' ? { submittedAt: now } : {}),
      });
      let finalSnapshotId: string | undefined;
      if (dto.to === 'submitted') {
        const final = await this.documents.freezeFinal(manager, actor, { ...submission, status: dto.to });
        finalSnapshotId = final.id;
      }
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.transitioned',
        subjectType: 'submission',
        subjectId: id,
        summary:
          `Moved "${submission.title}" from ${label(from)} to ${label(dto.to)}` +
          (overriding
            ? ` overriding: ${check.blockers.join('; ')} (reason: ${dto.reason})`
            : dto.reason
              ? ` (${dto.reason})`
              : ''),
        params: {
          title: submission.title,
          from,
          to: dto.to,
          reason: dto.reason ?? null,
          ...(overriding ? { count: check.blockers.length } : {}),
        },
        changes: {
          status: [from, dto.to],
          reason: dto.reason ?? null,
          ...(overriding ? { overridden: check.blockers } : {}),
          ...(finalSnapshotId ? { finalSnapshotId } : {}),
        },
      });
    });
    return this.submissions.viewFor(actor, id);
  }

  /** The partners that must endorse before submission, by name. */
  private async requiredSigners(
    manager: EntityManager,
    submissionId: string,
  ): Promise<{ organizationId: string; name: string }[]> {
    const partners = await manager.getRepository(SubmissionPartner).findBy({ submissionId, requiredSigner: true });
    const names = await this.organizations.namesByIds(partners.map((p) => p.organizationId));
    return partners
      .map((p) => ({ organizationId: p.organizationId, name: names.get(p.organizationId) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
