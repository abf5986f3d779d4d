import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { badField, notFound } from '../common/refusal.js';
import type { User } from '../users/user.entity.js';
import { type ImportRecommendationsDto, MAX_IMPORT_BYTES } from './dto/recommendation.dto.js';
import { type CsvRecommendation, CsvRefused, parseRecommendationCsv } from './recommendation-csv.js';
import { paragraphOrder, type ParseResult, parseRecommendations } from './recommendation-parser.js';
import { Recommendation } from './recommendation.entity.js';
import { Review } from './review.entity.js';

export interface ImportResult extends ParseResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

/** What the parser decides about a recommendation; what people added (tags, organisations, links) it never touches. */
function parsedFields(item: CsvRecommendation): Partial<Recommendation> {
  return {
    paragraph: item.paragraph,
    parentParagraph: item.parent,
    position: paragraphOrder(item.paragraph),
    cluster: item.cluster,
    subheading: item.subheading,
    text: item.text,
    urgent: item.urgent,
    ...(item.textKm !== null ? { textKm: item.textKm } : {}),
    ...(item.recommendingState !== null ? { recommendingState: item.recommendingState } : {}),
    ...(item.inScope !== undefined ? { inScope: item.inScope } : {}),
    ...(item.response !== undefined ? { response: item.response } : {}),
  };
}

const differs = (row: Recommendation, fields: Partial<Recommendation>) =>
  (Object.keys(fields) as (keyof Recommendation)[]).some(
    (key) => JSON.stringify(row[key]) !== JSON.stringify(fields[key]),
  );

/**
 * Pasted Concluding Observations → recommendations. A dry run answers the preview and saves nothing; a
 * real run saves all or nothing, keyed by review and paragraph: a row already as imported is left untouched,
 * so the same text imported twice changes nothing.
 */
@Injectable()
export class RecommendationsImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
  ) {}

  private csv(text: string): ParseResult {
    try {
      return parseRecommendationCsv(text);
    } catch (error) {
      if (error instanceof CsvRefused) throw badField('text', 'wrong_format', error.message, { format: 'csv' });
      throw error;
    }
  }

  async import(actor: User, reviewId: string, dto: ImportRecommendationsDto): Promise<ImportResult> {
    await this.access.requireAccess(actor, 'review', reviewId, 'write');
    const limit = { maxBytes: MAX_IMPORT_BYTES };
    if (!dto.text.trim())
      throw badField('text', 'too_short', 'is empty: paste the recommendations (at most 1 MB)', limit);
    if (Buffer.byteLength(dto.text, 'utf8') > MAX_IMPORT_BYTES)
      throw badField('text', 'too_long', `is over the limit of 1 MB (${MAX_IMPORT_BYTES} bytes)`, limit);
    const parsed = dto.format === 'csv' ? this.csv(dto.text) : parseRecommendations(dto.text);
    return this.db.transaction(async (manager) => {
      const review = await manager
        .getRepository(Review)
        .findOne({ where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound('review', 'Review not found');
      const repo = manager.getRepository(Recommendation);
      const existing = new Map((await repo.findBy({ reviewId })).map((r) => [r.paragraph, r]));
      const inserts: Partial<Recommendation>[] = [];
      const updates: Recommendation[] = [];
      let unchanged = 0;
      parsed.items.forEach((item: CsvRecommendation) => {
        const fields = { ...parsedFields(item), ...(item.tags !== undefined ? { tags: item.tags } : {}) };
        const row = existing.get(item.paragraph);
        if (!row) inserts.push({ ...fields, reviewId });
        else if (differs(row, fields)) updates.push(Object.assign(row, fields));
        else unchanged += 1;
      });
      const result = { ...parsed, dryRun: dto.dryRun, created: inserts.length, updated: updates.length, unchanged };
      if (dto.dryRun || (!inserts.length && !updates.length)) return result;
      for (let i = 0; i < inserts.length; i += 500) await repo.insert(inserts.slice(i, i + 500));
      if (updates.length) await repo.save(updates);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'review.recommendations_imported',
        subjectType: 'review',
        subjectId: reviewId,
        summary: `Imported recommendations into "${review.name}": ${inserts.length} added, ${updates.length} changed`,
        params: { title: review.name, count: inserts.length + updates.length },
        changes: { created: inserts.length, updated: updates.length, unchanged },
      });
      return result;
    });
  }
}
