import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { Trim } from '../../common/validators.js';

export class CreateCommentDto {
  @ApiProperty({
    example: '@sophea@cjn.org could you add the 2022 figures here?',
    description: 'Markdown; @e-mail mentions a user',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reply in this comment’s thread' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Users to mention (they are notified in-app)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentionedUserIds?: string[];
}

export class UpdateCommentDto {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body: string;
}

export class CommentQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only resolved (true) or open (false) threads' })
  @IsOptional()
  @IsIn(['true', 'false'])
  resolved?: 'true' | 'false';
}
