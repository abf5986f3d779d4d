import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AuthModule } from './auth.module.js';
import { PasswordResetProcessor } from './password-reset.processor.js';

/** Loaded only when this process runs workers (APP_ROLE worker or all). */
@Module({ imports: [AuthModule, UsersModule], providers: [PasswordResetProcessor] })
export class AuthWorkerModule {}
