import { ApiProperty } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolments/enrolment.entity';
import { AiAdoptionView } from '../ai-adoptions/ai-adoption.dto';

export class RecordPerson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty({ type: String, nullable: true }) discipline: string | null;
  @ApiProperty({ type: String, nullable: true }) gender: string | null;
  @ApiProperty() preferredLanguage: string;
}

export class RecordCompletion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
}

export class RecordEnrolment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty() roundNumber: number;
  @ApiProperty({ format: 'uuid' }) leadTrainerId: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ format: 'date' }) enrolledOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) withdrawnOn: string | null;
  @ApiProperty({ type: [RecordCompletion] }) completions: RecordCompletion[];
}

export class RecordCertification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) revokedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
}

export class ChainStep {
  @ApiProperty({ description: '1 = the lead trainer of the person’s own cohort' }) step: number;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid', description: 'The cohort through which this trainer trained the one below' })
  cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty() isMasterTeacher: boolean;
}

export class TrainedBy {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '1 for a master teacher; null when no chain reaches a master teacher',
  })
  generation: number | null;
  @ApiProperty({ type: [ChainStep], description: 'Lead trainers from the person up to a master teacher' })
  chain: ChainStep[];
}

export class PersonRecord {
  @ApiProperty({ type: RecordPerson }) person: RecordPerson;
  @ApiProperty({ type: [RecordEnrolment] }) enrolments: RecordEnrolment[];
  @ApiProperty({ type: [RecordCertification] }) certifications: RecordCertification[];
  @ApiProperty({ type: [AiAdoptionView] }) aiAdoptions: AiAdoptionView[];
  @ApiProperty({ type: [TrainedBy] }) trainedBy: TrainedBy[];
}
