import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { fieldProblem } from './refusal.js';
import { INT4_MAX } from './validators.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PARAM = /^(id|[a-z]+Id)$/;

/**
 * Runs before each route's own pipes: a path parameter named `id` or `…Id` that is not a UUID is a
 * 400 naming the parameter ("sectionId must be a UUID"), where Nest's ParseUUIDPipe says only
 * "uuid is expected".
 */
@Injectable()
export class IdParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || !metadata.data || !ID_PARAM.test(metadata.data)) return value;
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw new BadRequestException({
      message: `${metadata.data} must be a UUID (got "${String(value).slice(0, 60)}")`,
      code: 'invalid_input',
      params: { fields: [metadata.data] },
      details: [fieldProblem(metadata.data, 'not_uuid', 'must be a UUID')],
    });
  }
}

/** A whole-number path parameter (a revision's version) that fits its integer column; else a 400 naming it. */
@Injectable()
export class VersionParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (n >= 1 && n <= INT4_MAX) return n;
    const name = metadata.data ?? 'version';
    throw new BadRequestException({
      message: `${name} must be a whole number from 1 to ${INT4_MAX} (got "${String(value).slice(0, 60)}")`,
      code: 'invalid_input',
      params: { fields: [name] },
      details: [
        fieldProblem(name, 'not_integer', `must be a whole number from 1 to ${INT4_MAX}`, { min: 1, max: INT4_MAX }),
      ],
    });
  }
}
