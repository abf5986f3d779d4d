import { ApiProperty } from '@nestjs/swagger';
import { PersonResponse } from './person.response.js';

export class CommentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  body: string;

  @ApiProperty({ type: () => [PersonResponse] })
  mentions: PersonResponse[];

  resolved: boolean;

  resolvedAt: Date | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  resolvedBy: PersonResponse | null;

  createdAt: Date;

  updatedAt: Date;
}

/** A comment thread: the comment and its replies, oldest first. */
export class CommentThreadResponse extends CommentResponse {
  @ApiProperty({ type: () => [CommentResponse] })
  replies: CommentResponse[];
}
