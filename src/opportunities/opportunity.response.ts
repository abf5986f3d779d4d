import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VISIBILITIES, type Visibility } from './opportunity.entity.js';
import { STAGES, type Stage } from '../../shared/opportunity.workflow.js';
import type { ReadinessProblem } from '../../shared/opportunity.workflow.js';

/** A grant call the network tracks through its pipeline. */
export class OpportunityResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  funderId: string | null;

  callReference: string | null;

  url: string | null;

  description: string | null;

  tags: string[];

  /** Decimal as a string, e.g. "250000.00" */
  amountMin: string | null;

  /** Decimal as a string */
  amountMax: string | null;

  /** ISO 4217 */
  currency: string | null;

  /** When the call closes (the funder's date) */
  closesAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId: string | null;

  @ApiProperty({ enum: VISIBILITIES, enumName: 'Visibility' })
  visibility: Visibility;

  @ApiProperty({ enum: STAGES, enumName: 'OpportunityStage' })
  stage: Stage;

  stageChangedAt: Date;

  /** Decimal as a string, once awarded */
  awardedAmount: string | null;

  awardedCurrency: string | null;

  /** A Telegram group chat of the consortium, for reminders */
  telegramChatId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  archivedAt: Date | null;

  createdAt: Date;

  updatedAt: Date;
}

/** What the reader may do to the opportunity now (`opportunity-actions.ts`), so a client offers only that. */
export class OpportunityActionsResponse {
  /** Change its details, consortium and checklist */
  edit: boolean;

  /** The stages it may move to now (a move to `submitted` may still be blocked by its readiness) */
  @ApiProperty({ enum: STAGES, enumName: 'OpportunityStage', isArray: true })
  move: Stage[];

  /** Move to `submitted` past the readiness checks, with a reason */
  override: boolean;

  /** Archive it */
  archive: boolean;
}

/** An opportunity as the pipeline lists it, with its consortium at a glance (for the board's cards). */
export class OpportunityListItemResponse extends OpportunityResponse {
  /** The lead partner's acronym, else its name; null while the consortium has no lead */
  @ApiProperty({ type: String, nullable: true })
  leadOrganization: string | null;

  /** Organisations in the consortium that have not declined */
  partnerCount: number;

  /** The funder's name (any kind of organisation, a UN agency too); null when the call has no funder */
  @ApiProperty({ type: String, nullable: true })
  funder: string | null;

  @ApiProperty({ type: () => OpportunityActionsResponse })
  can: OpportunityActionsResponse;
}

/** Budget shares summed per currency, never converted. */
export class CurrencyTotalResponse {
  /** ISO 4217 */
  currency: string;

  /** Decimal as a string */
  amount: string;

  /** How many partners have a share in this currency */
  partners: number;

  /** False when this currency differs from the call's currency */
  callCurrency: boolean;
}

/** One thing that blocks submission: the web app writes it in the reader's language. */
export class ReadinessProblemResponse {
  @ApiProperty({ enum: ['noLead', 'severalLeads', 'partnerUnconfirmed', 'itemNotDone', 'itemDocumentExpired'] })
  code: ReadinessProblem['code'];

  /** The partner's `name` and `status`, or the checklist item's `title` and its `owner` */
  @ApiProperty({
    type: 'object',
    properties: {
      name: { type: 'string' },
      status: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string', nullable: true },
    },
  })
  params: ReadinessProblem['params'];
}

export class ReadinessResponse {
  readyToSubmit: boolean;

  /** What still blocks moving to `submitted`, in English */
  blockers: string[];

  /** The same, as codes with their parameters, in the same order */
  @ApiProperty({ type: () => [ReadinessProblemResponse] })
  problems: ReadinessProblemResponse[];
}

export class OpportunityDetailResponse extends OpportunityResponse {
  @ApiProperty({ type: () => [CurrencyTotalResponse] })
  budget: CurrencyTotalResponse[];

  @ApiProperty({ type: () => ReadinessResponse })
  readiness: ReadinessResponse;

  /** Whether you may change it (also `can.edit`) */
  canEdit: boolean;

  @ApiProperty({ type: () => OpportunityActionsResponse })
  can: OpportunityActionsResponse;
}

export class RowProblemResponse {
  /** The line in the CSV file (the header is line 1) */
  line: number;

  @ApiPropertyOptional()
  field?: string;

  message: string;
}

export class ImportReportResponse {
  dryRun: boolean;

  rows: number;

  valid: number;

  @ApiProperty({ type: () => [RowProblemResponse] })
  errors: RowProblemResponse[];

  /** Ids of the opportunities created (none on a dry run or when any row is bad) */
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  created: string[];
}
