import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCommentDto {
  @ApiProperty({ example: '@sophea@cjn.org could you add the 2022 figures here?', description: 'Markdown; @e-mail mentions a user' })
  @Transform(trim)
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
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentionedUserIds?: string[];
}

export class UpdateCommentDto {
  @ApiProperty()
  @Transform(trim)
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
