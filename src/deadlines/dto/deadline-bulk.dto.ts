import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { CreateDeadlineDto, UpdateDeadlineDto } from './deadline.dto.js';

/** Items one bulk request may carry: a large import goes in several requests. */
export const MAX_BULK_ITEMS = 1000;

export class CreateDeadlinesDto {
  @ApiProperty({ type: [CreateDeadlineDto], minItems: 1, maxItems: MAX_BULK_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CreateDeadlineDto)
  items: CreateDeadlineDto[];
}

/** One deadline moved: its new due time (and zone), optionally on the version it was read at. */
export class MoveDeadlineDto extends PickType(UpdateDeadlineDto, ['dueAt', 'dueDate', 'timeZone', 'version'] as const) {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class MoveDeadlinesDto {
  @ApiProperty({ type: [MoveDeadlineDto], minItems: 1, maxItems: MAX_BULK_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => MoveDeadlineDto)
  items: MoveDeadlineDto[];
}
