import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth.decorators.js';
import { AcceptInvitationDto } from './dto/invitation.dto.js';
import { ApiOk } from '../common/openapi.js';
import { InvitationsService } from './invitations.service.js';
import { UserResponse } from './user.response.js';
import { userView } from './user.view.js';

@ApiTags('auth')
@Controller('auth/invitations')
export class InvitationController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with the token from an invitation e-mail; then sign in' })
  @ApiOk(UserResponse, 400)
  async accept(@Body() dto: AcceptInvitationDto) {
    return userView(await this.invitations.accept(dto.token, dto.password));
  }
}
