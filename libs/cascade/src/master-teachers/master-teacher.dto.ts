import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsUUID } from 'class-validator';
import { DayField } from '@cascade/platform';

export class AddMasterTeacherDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @DayField({ example: '2025-01-15' }) trainedOn: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The regions they serve' })
  @IsArray()
  @IsUUID('all', { each: true })
  regionIds: string[];
}

export class MasterTeacherView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'date' }) trainedOn: string;
  @ApiProperty({ type: [String], format: 'uuid' }) regionIds: string[];
}
