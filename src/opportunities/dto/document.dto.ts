import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../organization-document.entity.js';
import { Trim } from '../../common/validators.js';

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiProperty({ example: 'Registration certificate (Ministry of Interior)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(1000)
  url?: string | null;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'Last day it is valid' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(10, { message: 'expiresOn must be a date (YYYY-MM-DD)' })
  expiresOn?: string | null;
}

export class UpdateDocumentDto extends PartialType(CreateDocumentDto, { skipNullProperties: false }) {}

export class DocumentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;
}
