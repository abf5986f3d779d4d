import { ApiProperty } from '@nestjs/swagger';

/** A person named on a record. */
export class PersonResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;
}
