import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Trim } from '../../common/validators.js';
import { IsDay } from '../../reviews/dto/review.dto.js';

/** A round of assessments: each organisation following the review's recommendations is asked for its status check by a day. */
export class AskAssessmentRoundDto {
  @ApiProperty({ example: 'Status check before the List of Issues', maxLength: 150 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  title: string;

  @ApiProperty({ example: '2027-09-30', description: 'The day: due at the end of it in Geneva (Europe/Zurich)' })
  @IsDay('dueDate')
  dueDate: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The organisations asked; each must follow a recommendation of the review. Default: all that do.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds?: string[];
}
