import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { User } from '../users/user.entity.js';
import type { CreateEndorsementDto } from './dto/endorsement.dto.js';
import { Endorsement } from './endorsement.entity.js';
import { lockSubmission, person, userNames } from './submissions.repository.js';
import { isFrozen, label } from '../../shared/submission.workflow.js';
import { badField, notFound, Refusal } from '../common/refusal.js';

/** Organisations signing on to a submission; withdrawal is possible until it is submitted. */
@Injectable()
export class EndorsementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(user: User, submissionId: string, includeWithdrawn: boolean) {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    const endorsements = await this.db.getRepository(Endorsement).find({
      where: { submissionId, ...(includeWithdrawn ? {} : { withdrawnAt: IsNull() }) },
      order: { endorsedAt: 'ASC', id: 'ASC' },
    });
    return { items: await this.views(endorsements), total: endorsements.length, nextCursor: null };
  }

  async endorse(actor: User, submissionId: string, dto: CreateEndorsementDto) {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    if (!hasRole(actor.role, 'member')) throw new ForbiddenException('Viewers cannot sign on for an organisation');
    const organizationId = dto.organizationId ?? actor.organizationId;
    if (!organizationId)
      throw badField('organizationId', 'invalid', 'you belong to no organisation; say which one signs on');
    if (organizationId !== actor.organizationId && !isCoordinator(actor.role)) {
      throw new ForbiddenException('You can sign on for your own organisation only');
    }
    const saved = await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, 'share');
      if (isFrozen(submission.status) || submission.status === 'withdrawn') {
        throw new ConflictException(
          `The submission is ${label(submission.status)}: the list of signatories can no longer change`,
        );
      }
      const org = await manager.getRepository(Organization).findOneBy({ id: organizationId });
      if (!org) throw badField('organizationId', 'no_such_record', 'no such organisation');
      const repo = manager.getRepository(Endorsement);
      if (await repo.existsBy({ submissionId, organizationId, withdrawnAt: IsNull() })) {
        throw new Refusal(409, 'already_endorsed', `${org.name} has already signed on to this submission`, {
          name: org.name,
        });
      }
      const endorsement = await repo.save(
        repo.create({
          submissionId,
          organizationId,
          displayName: dto.displayName ?? org.name,
          endorsedById: actor.id,
          endorsedAt: this.clock.now(),
        }),
      );
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.endorsed',
        subjectType: 'submission',
        subjectId: submissionId,
        summary: `${endorsement.displayName} signed on to "${submission.title}"`,
        params: { organization: endorsement.displayName, title: submission.title },
        changes: { endorsementId: endorsement.id, organizationId },
      });
      return endorsement;
    });
    const [view] = await this.views([saved]);
    return view;
  }

  async withdraw(actor: User, submissionId: string, endorsementId: string) {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    const saved = await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, 'share');
      const repo = manager.getRepository(Endorsement);
      const endorsement = await repo.findOneBy({ id: endorsementId, submissionId });
      if (!endorsement) throw notFound('endorsement', 'Endorsement not found');
      if (endorsement.organizationId !== actor.organizationId && !isCoordinator(actor.role)) {
        throw new ForbiddenException(
          'Only staff of the signing organisation or a coordinator can withdraw its endorsement',
        );
      }
      if (!hasRole(actor.role, 'member')) throw new ForbiddenException('Viewers cannot withdraw an endorsement');
      if (isFrozen(submission.status)) {
        throw new ConflictException(
          `The submission is already ${label(submission.status)}: its signatories can no longer be withdrawn`,
        );
      }
      if (endorsement.withdrawnAt) return endorsement;
      endorsement.withdrawnAt = this.clock.now();
      endorsement.withdrawnById = actor.id;
      await repo.save(endorsement);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.endorsement_withdrawn',
        subjectType: 'submission',
        subjectId: submissionId,
        summary: `${endorsement.displayName} withdrew from "${submission.title}"`,
        params: { organization: endorsement.displayName, title: submission.title },
        changes: { endorsementId, organizationId: endorsement.organizationId },
      });
      return endorsement;
    });
    const [view] = await this.views([saved]);
    return view;
  }

  private async views(endorsements: Endorsement[]) {
    const names = await userNames(
      this.db.manager,
      endorsements.flatMap((e) => [e.endorsedById, e.withdrawnById]),
    );
    const orgById = await this.organizations.refsByIds(endorsements.map((e) => e.organizationId));
    return endorsements.map((e) => ({
      id: e.id,
      submissionId: e.submissionId,
      organizationId: e.organizationId,
      organization: orgById.get(e.organizationId) ?? null,
      displayName: e.displayName,
      endorsedBy: person(names, e.endorsedById),
      endorsedAt: e.endorsedAt,
      withdrawnAt: e.withdrawnAt,
      withdrawnBy: person(names, e.withdrawnById),
    }));
  }
}
