import { Module } from '@nestjs/common';
import { InvitationProcessor } from './invitation.processor.js';
import { UsersModule } from './users.module.js';

/** Loaded only when this process runs workers (APP_ROLE worker or all). */
@Module({ imports: [UsersModule], providers: [InvitationProcessor] })
export class UsersWorkerModule {}
