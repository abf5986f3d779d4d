import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
  ArrayMaxSize,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '../organization.entity.js';
import { OptionalNotNull } from '../../common/validators.js';

export class ContactDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Child Rights Coalition Cambodia' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'CRC-Cambodia', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  acronym?: string | null;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiPropertyOptional({ example: 'KH', description: 'ISO 3166-1 alpha-2', nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  website?: string | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  isMember?: boolean;

  @ApiPropertyOptional({ example: '2021-07-01', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  memberSince?: string | null;

  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES, enumName: 'MembershipStatus', nullable: true })
  @IsOptional()
  @IsIn(MEMBERSHIP_STATUSES)
  membershipStatus?: MembershipStatus | null;

  @ApiPropertyOptional({ type: [ContactDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto, { skipNullProperties: false }) {}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: 'Matches name or acronym' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'true: only organisations that fund calls: of kind funder, or the funder of at least one opportunity (a UN agency with a programme agreement)',
  })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  funding?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Include archived organisations' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';
}
