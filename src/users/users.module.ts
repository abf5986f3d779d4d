import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { InvitationsService } from './invitations.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { UserChannelsService } from './user-channels.service.js';
import { MeController } from './me.controller.js';
import { InvitationController } from './invitation.controller.js';
import { FirstAdminService } from './first-admin.service.js';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, MeController, InvitationController],
  providers: [UsersService, InvitationsService, FirstAdminService, UserChannelsService],
  exports: [UsersService, InvitationsService, UserChannelsService],
})
export class UsersModule {}
