import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class VerifyCredentialDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A verifiable credential (JSON-LD), as downloaded',
  })
  @IsObject()
  credential: Record<string, unknown>;
}

export class VerificationChecks {
  @ApiProperty({ enum: ['valid', 'invalid'], description: 'The Data Integrity proof (eddsa-rdfc-2022)' })
  signature: 'valid' | 'invalid';
  @ApiProperty({
    enum: ['recognised', 'unknown'],
    description: 'Signed by one of this issuer’s keys, current or retired',
  })
  issuer: 'recognised' | 'unknown';
  @ApiProperty({
    enum: ['active', 'revoked', 'unknown'],
    description: 'Its bit in the public Bitstring Status List',
  })
  status: 'active' | 'revoked' | 'unknown';
  @ApiProperty({
    enum: ['none', 'valid', 'expired'],
    description: 'validUntil, when the credential states one',
  })
  expiry: 'none' | 'valid' | 'expired';
}

/** Only what the credential itself states. */
export class StatedFacts {
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'MC-2026-000123' }) number: string | null;
  @ApiProperty({ type: String, nullable: true }) holder: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The issuer as a DID' }) issuerId: string | null;
  @ApiProperty({ type: String, nullable: true }) issuerName: string | null;
  @ApiProperty({ type: String, nullable: true }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
}

export class VerificationResult {
  @ApiProperty({ description: 'Signature valid, issuer recognised, not revoked, not expired' })
  verified: boolean;
  @ApiProperty({ type: VerificationChecks }) checks: VerificationChecks;
  @ApiProperty({ type: StatedFacts }) credential: StatedFacts;
  @ApiProperty({ type: [String] }) errors: string[];
}
