import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators.js';

export class CreateEndorsementDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organisation signing on; default your own (coordinators may sign for others)',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: 'Child Rights Coalition Cambodia (CRC-Cambodia)',
    description: 'As it should appear among the signatories; default the organisation name',
  })
  @IsOptional()
  @Trim()
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
