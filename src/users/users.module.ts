import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { InvitationsService } from './invitations.service.js';
import { UsersController } from './users.controller.js';
import { CurrentPasswordLimiter } from './current-password-limiter.js';
import { UsersService } from './users.service.js';
import { MeController } from './me.controller.js';
import { InvitationController } from './invitation.controller.js';
import { FirstAdminService } from './first-admin.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [UsersController, MeController, InvitationController],
  providers: [UsersService, InvitationsService, FirstAdminService, CurrentPasswordLimiter],
  exports: [UsersService, InvitationsService],
})
export class UsersModule {}
