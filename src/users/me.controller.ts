import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, CurrentUser } from '../common/auth.decorators.js';
import { UpdateMeDto } from './dto/user.dto.js';
import type { User } from './user.entity.js';
import { userView } from './user.view.js';
import { UsersService } from './users.service.js';
import { ApiOk } from '../common/openapi.js';
import { MeResponse } from './user.response.js';
import { AppConfig } from '../config/app-config.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user, and the channels this server can deliver through' })
  @ApiOk(MeResponse)
  me(@CurrentUser() user: User) {
    return this.meView(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change your name, time zone, language, notification preferences or password' })
  @ApiOk(MeResponse, 429)
  async update(@CurrentUser() user: User, @Body() dto: UpdateMeDto, @Req() req: AuthenticatedRequest) {
    return this.meView(await this.users.updateMe(user, dto, req.sessionId));
  }

  private meView(user: User) {
    return { ...userView(user), channels: { email: this.config.emailEnabled, telegram: this.config.telegramEnabled } };
  }
}
