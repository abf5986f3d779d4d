import { ApiProperty } from '@nestjs/swagger';
import { UPR_RESPONSES, type UprResponse } from './recommendation.entity.js';

export class ParsedRecommendationResponse {
  @ApiProperty({ example: '48(a)' })
  paragraph: string;

  @ApiProperty({ type: String, nullable: true, example: '48' })
  parent: string | null;

  @ApiProperty({ type: String, nullable: true })
  cluster: string | null;

  @ApiProperty({ type: String, nullable: true })
  subheading: string | null;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true })
  textKm: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'UPR: the State that made it' })
  recommendingState: string | null;

  @ApiProperty({ type: [String], required: false, description: 'CSV import only: the tags column' })
  tags?: string[];

  @ApiProperty({ required: false, description: 'CSV import only: the inScope column' })
  inScope?: boolean;

  @ApiProperty({ enum: UPR_RESPONSES, enumName: 'UprResponse', nullable: true, required: false })
  response?: UprResponse | null;

  @ApiProperty({ description: 'The line of the paste where it starts' })
  line: number;
}

export class UnplacedLineResponse {
  @ApiProperty()
  line: number;

  @ApiProperty()
  text: string;
}

export class ParseCountsResponse {
  @ApiProperty()
  items: number;

  @ApiProperty()
  paragraphs: number;

  @ApiProperty()
  subItems: number;

  @ApiProperty()
  urgent: number;

  @ApiProperty()
  clusters: number;

  @ApiProperty()
  translated: number;

  @ApiProperty()
  unplaced: number;

  @ApiProperty({ description: 'Page headers and page numbers left out' })
  dropped: number;
}

export class ImportResultResponse {
  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: () => [ParsedRecommendationResponse] })
  items: ParsedRecommendationResponse[];

  @ApiProperty({ type: () => [UnplacedLineResponse] })
  unplaced: UnplacedLineResponse[];

  @ApiProperty({ type: () => ParseCountsResponse })
  counts: ParseCountsResponse;

  @ApiProperty({ description: 'Recommendations the import adds (would add, on a dry run)' })
  created: number;

  @ApiProperty({ description: 'Recommendations whose imported text, cluster or urgency it changes' })
  updated: number;

  @ApiProperty({ description: 'Recommendations already as imported: left untouched' })
  unchanged: number;
}
