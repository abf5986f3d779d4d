import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { InvitationsService } from './invitations.service.js';
import { UsersController } from './users.controller.js';
import { CurrentPasswordLimiter } from './current-password-limiter.js';
import { UsersService } from './users.service.js';
import { UserDirectory } from './user-directory.service.js';
import { User } from './user.entity.js';
import { MeController } from './me.controller.js';
import { InvitationController } from './invitation.controller.js';
import { FirstAdminService } from './first-admin.service.js';
import { PasswordRules } from './password-rules.service.js';
import { PublishedPasswords } from './published-passwords.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User]), OrganizationsModule],
  controllers: [UsersController, MeController, InvitationController],
  providers: [
    UsersService,
    InvitationsService,
    FirstAdminService,
    CurrentPasswordLimiter,
    UserDirectory,
    PasswordRules,
    PublishedPasswords,
  ],
  exports: [UsersService, InvitationsService, UserDirectory, FirstAdminService, PublishedPasswords],
})
export class UsersModule {}
