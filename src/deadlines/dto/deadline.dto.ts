import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { CountablePageQuery } from '../../common/pagination.js';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../deadline-status.js';
import { DEADLINE_SUBJECT_TYPES, type DeadlineSubjectType } from '../deadline.entity.js';
import { DEADLINE_TEMPLATES } from '../deadline-templates.js';
import { canonicalZone, DEADLINE_KINDS, type DeadlineKind, isValidOffset, MAX_OFFSETS } from '../reminder-times.js';
import { INT4_MAX, OptionalNotNull, Trim } from '../../common/validators.js';

function custom(
  name: string,
  message: string,
  validate: (v: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate },
    });
}

/** An IANA zone (Europe/Geneva accepted as the name people use for Zurich time). */
const IsDeadlineZone = () =>
  custom(
    'isDeadlineZone',
    '$property must be an IANA time zone such as Europe/Geneva or Asia/Phnom_Penh',
    (v) => canonicalZone(v) !== null,
  );
const IsOffset = () =>
  custom(
    'isReminderOffset',
    'each value in $property must be a positive ISO 8601 duration of at most a year, e.g. P14D, P1W or PT2H',
    isValidOffset,
    { each: true },
  );

export class CreateDeadlineDto {
  @ApiProperty({ enum: DEADLINE_SUBJECT_TYPES, enumName: 'DeadlineSubjectType' })
  @IsIn(DEADLINE_SUBJECT_TYPES)
  subjectType: DeadlineSubjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ example: 'Full proposal due to the funder' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({
    enum: DEADLINE_KINDS,
    enumName: 'DeadlineKind',
    description: 'external: set by the funder or body; internal: ours',
  })
  @IsIn(DEADLINE_KINDS)
  kind: DeadlineKind;

  @ApiPropertyOptional({
    example: '2026-03-01T17:00',
    description: 'The instant; a local date-time without an offset is read in timeZone. Give dueAt or dueDate.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time such as 2026-03-01T17:00' })
  @Matches(/T\d{2}:\d{2}/, { message: 'dueAt must include a time; use dueDate for a whole day' })
  dueAt?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'A whole day: due at 23:59:59 that day in timeZone' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real date' })
  dueDate?: string;

  @ApiProperty({ example: 'Europe/Geneva', description: 'IANA zone the deadline is set in' })
  @IsDeadlineZone()
  timeZone: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assigneeIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['P14D', 'P7D', 'P1D'],
    description: 'ISO 8601 durations before the deadline; default external P14D,P7D,P2D,P1D and internal P3D,P1D',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OFFSETS)
  @IsOffset()
  reminderOffsets?: string[];

  @ApiPropertyOptional({ description: 'Also remind when the deadline passes without being done', default: false })
  @OptionalNotNull()
  @IsBoolean()
  overdueReminder?: boolean;
}

export const SETTABLE_STATUSES = ['open', 'done', 'cancelled'] as const;

export class UpdateDeadlineDto extends PartialType(OmitType(CreateDeadlineDto, ['subjectType', 'subjectId'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    enum: SETTABLE_STATUSES,
    enumName: 'SettableDeadlineStatus',
    description: 'missed is set by the system when an open deadline passes',
  })
  @OptionalNotNull()
  @IsIn(SETTABLE_STATUSES)
  status?: Exclude<DeadlineStatus, 'missed'>;

  @ApiPropertyOptional({ description: 'The version this change was made on (or send If-Match); a stale one is a 409' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;
}

export class DeadlineQuery extends CountablePageQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'Due at or after this instant or date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31T23:59:59Z', description: 'Due at or before this instant or date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus' })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES)
  status?: DeadlineStatus;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    enumName: 'BooleanString',
    description: 'Only deadlines assigned to me',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ enum: DEADLINE_SUBJECT_TYPES, enumName: 'DeadlineSubjectType' })
  @IsOptional()
  @IsIn(DEADLINE_SUBJECT_TYPES)
  subjectType?: DeadlineSubjectType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class ApplyTemplateDto {
  @ApiProperty({ enum: DEADLINE_TEMPLATES.map((t) => t.id) })
  @IsIn(DEADLINE_TEMPLATES.map((t) => t.id))
  templateId: string;
}
