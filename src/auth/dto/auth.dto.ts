import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators.js';
import { AcceptablePassword, PASSWORD_MAX, PASSWORD_MIN } from '../../users/password-policy.js';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@cjn.example' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'weekly export script' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2027-06-30T17:00:00+07:00' })
  @IsOptional()
  @IsString()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'expiresAt must be a real date and time in ISO 8601, e.g. 2027-06-30T17:00:00+07:00' },
  )
  @Matches(/T/, { message: 'expiresAt must include a time, e.g. 2027-06-30T17:00:00+07:00' })
  expiresAt?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'dara@lac.example' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the e-mailed link (`/reset-password?token=…`)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @AcceptablePassword()
  password: string;
}
