import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateEndorsementDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation signing on; default your own (coordinators may sign for others)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: 'Child Rights Coalition Cambodia (CRC-Cambodia)', description: 'As it should appear among the signatories; default the organisation name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  displayName?: string;
}

export class EndorsementQuery {
  @ApiPropertyOptional({ description: 'Include withdrawn endorsements' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeWithdrawn?: 'true' | 'false';
}
