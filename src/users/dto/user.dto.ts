import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AcceptablePassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-policy.js';
import { PageQuery } from '../../common/pagination.js';
import { IsTimeZone, OptionalNotNull, TIME_OF_DAY, Trim } from '../../common/validators.js';
import {
  CHANNELS,
  type Channel,
  DIGEST_MODES,
  type DigestMode,
  ROLES,
  type Role,
  USER_STATUSES,
  type UserStatus,
} from '../user.entity.js';

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'HH:mm in the user’s time zone' })
  @Matches(TIME_OF_DAY, { message: 'start must be HH:mm' })
  start: string;

  @ApiProperty({ example: '07:00' })
  @Matches(TIME_OF_DAY, { message: 'end must be HH:mm' })
  end: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiProperty({ type: QuietHoursDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours: QuietHoursDto | null;

  @ApiProperty({ enum: DIGEST_MODES, enumName: 'DigestMode' })
  @IsIn(DIGEST_MODES)
  digest: DigestMode;
}

export class CreateUserDto {
  @ApiProperty({ example: 'sokha@example.org' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sokha Chan' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    description: 'Without it an invitation is e-mailed',
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
  })
  @IsOptional()
  @AcceptablePassword()
  password?: string;

  @ApiPropertyOptional({ example: 'Asia/Phnom_Penh' })
  @OptionalNotNull()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 'en' })
  @OptionalNotNull()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'language must be a language code such as en or km' })
  language?: string;

  @ApiPropertyOptional({ example: '123456789' })
  @IsOptional()
  @Matches(/^-?\d{1,20}$/, { message: 'telegramChatId must be a numeric Telegram chat id' })
  telegramChatId?: string;

  @ApiPropertyOptional({ type: NotificationPreferencesDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notificationPreferences?: NotificationPreferencesDto;
}

export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: USER_STATUSES.filter((s) => s !== 'invited') })
  @OptionalNotNull()
  @IsIn(['active', 'disabled'])
  status?: Exclude<UserStatus, 'invited'>;
}

/** What anyone may change about themselves: not their role, organisation or e-mail. */
export class UpdateMeDto extends PartialType(
  PickType(CreateUserDto, ['name', 'timeZone', 'language', 'notificationPreferences'] as const),
  {
    skipNullProperties: false,
  },
) {
  @ApiPropertyOptional({ description: 'Required to set a new password' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword?: string;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsOptional()
  @AcceptablePassword()
  newPassword?: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
