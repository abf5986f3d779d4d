import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, CurrentUser } from '../common/auth.decorators.js';
import { UpdateMeDto } from './dto/user.dto.js';
import type { User } from './user.entity.js';
import { userView } from './user.view.js';
import { UsersService } from './users.service.js';
import { ApiOk } from '../common/openapi.js';
import { UserResponse } from './user.response.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOk(UserResponse)
  me(@CurrentUser() user: User) {
    return userView(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change your name, time zone, language, notification preferences or password' })
  @ApiOk(UserResponse, 429)
  async update(@CurrentUser() user: User, @Body() dto: UpdateMeDto, @Req() req: AuthenticatedRequest) {
    return userView(await this.users.updateMe(user, dto, req.sessionId));
  }
}
