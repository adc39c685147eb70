import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { BooleanParam, PageQuery } from '@cascade/platform';

export class RequestEvaluationDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Evaluate this person now; lifts the block a manual revocation put on re-issue',
  })
  @IsUUID()
  personId: string;
}

export class RevokeCertificationDto {
  @ApiProperty({ example: 'assessment found to be plagiarised' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class BulkRevokeDto extends RevokeCertificationDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Up to 10,000 certifications, revoked together or not at all',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  certificationIds: string[];
}

export class RevokedCertification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MC-2025-000123' }) number: string;
}

export class BulkRevokeResult {
  @ApiProperty() revoked: number;
  @ApiProperty({ type: [RevokedCertification] }) certifications: RevokedCertification[];
}

export class CertificationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ description: 'true: not revoked; false: revoked' })
  @IsOptional()
  @BooleanParam()
  @IsBoolean()
  active?: boolean;
}

export class CertificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ example: 'MC-2025-000123' }) number: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) revokedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({ description: 'Revoked by hand: not re-issued automatically until a coordinator asks again' })
  blocksReissue: boolean;
}

/** Where a person stands against the programme's rule after an evaluation on request. */
export class EvaluationOutcome {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() completedCoreCourses: number;
  @ApiProperty() coreCourses: number;
  @ApiProperty({ description: 'Mean over the core courses of the best score of each (none counts as 0)' })
  score: number;
  @ApiProperty() passMark: number;
  @ApiProperty() qualifies: boolean;
  @ApiProperty({ enum: ['issued', 'revoked', 'unchanged'] }) change: 'issued' | 'revoked' | 'unchanged';
  @ApiProperty({
    type: CertificationView,
    nullable: true,
    description: 'The certification not revoked, if any',
  })
  certification: CertificationView | null;
}
