import { ApiProperty } from '@nestjs/swagger';
import {
  MECHANISMS,
  type Mechanism,
  REVIEW_DATE_KINDS,
  REVIEW_VISIBILITIES,
  type ReviewDateKind,
} from './review.entity.js';

export class ReviewDateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REVIEW_DATE_KINDS, enumName: 'ReviewDateKind' })
  kind: ReviewDateKind;

  @ApiProperty({ example: '2027-11-14' })
  date: string;

  @ApiProperty({ type: String, nullable: true })
  label: string | null;
}

export class ReviewActionsResponse {
  @ApiProperty({ description: 'May change the review and its recommendations' })
  change: boolean;

  @ApiProperty({ description: 'May import recommendations' })
  import: boolean;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MECHANISMS, enumName: 'Mechanism' })
  mechanism: Mechanism;

  @ApiProperty({ type: String, nullable: true })
  mechanismName: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  symbol: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2022-05-27' })
  adoptedOn: string | null;

  @ApiProperty({ example: 'en' })
  sourceLanguage: string;

  @ApiProperty({ enum: REVIEW_VISIBILITIES, enumName: 'Visibility' })
  visibility: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty({ type: () => [ReviewDateResponse] })
  dates: ReviewDateResponse[];

  @ApiProperty()
  recommendationCount: number;

  @ApiProperty({ type: () => ReviewActionsResponse })
  can: ReviewActionsResponse;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class ReviewRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  symbol: string | null;

  @ApiProperty({ enum: MECHANISMS, enumName: 'Mechanism' })
  mechanism: Mechanism;
}
