import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';

export class CredentialQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() certificationId?: string;
}

export class CredentialView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) certificationId: string;
  @ApiProperty({ example: 'MC-2026-000123' }) number: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'The id of the configured key that signed it' }) keyId: string;
  @ApiProperty() issuedAt: Date;
  @ApiProperty({ description: 'Its certification was revoked (and its status bit set)' }) revoked: boolean;
  @ApiProperty({ description: 'The JSON-LD credential, public: what the holder loads into a wallet' })
  url: string;
  @ApiProperty({ description: 'The holder’s certificate (PDF, Mongolian and English, QR code)' })
  certificateUrl: string;
  @ApiProperty({ description: 'The web app’s verify page' }) verifyUrl: string;
}
