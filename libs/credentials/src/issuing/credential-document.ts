import { createHash, randomBytes } from 'crypto';
import { CoreCourseElements, Credential } from '@cascade/cascade';
import { MICROCREDENTIAL_CONTEXT_PATH, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../signing/contexts';

/** Everything one Open Badges 3.0 credential states, read from the certification, person and programme. */
export interface CredentialFacts {
  credentialId: string;
  programmeId: string;
  number: string;
  issuedOn: string;
  fullName: string;
  email: string;
  credential: Credential;
  courses: CoreCourseElements[];
  language: string;
  statusListId: string;
  statusIndex: number;
}

const EQF_LEVELS_URL = 'https://europa.eu/europass/en/description-eight-eqf-levels';

export const credentialUrl = (publicUrl: string, id: string) =>
  `${publicUrl}/api/v1/public/credentials/${id}`;
export const statusListUrl = (publicUrl: string, id: string) =>
  `${publicUrl}/api/v1/public/status-lists/${id}`;
export const verifyPageUrl = (publicUrl: string, number: string) =>
  `${publicUrl}/verify/${encodeURIComponent(number)}`;

/**
 * The unsigned OpenBadgeCredential (VC Data Model 2.0) with the EU's mandatory elements:
 * learner identification → credentialSubject.identifier (name; e-mail salted and hashed);
 * title → name and achievement.name; country of the issuer → issuer.address.addressCountryCode;
 * awarding body → issuer.name and achievement.creator; date of issuing → validFrom and awardedDate;
 * learning outcomes → achievement.criteria.narrative; notional workload → achievement.creditsAvailable
 * (ECTS, when every core course states it) and the extension's workloadHours; level → an EQF
 * alignment; type of assessment, form of participation and type of quality assurance → the
 * extension terms of the microcredential context. The issuer's id is set by the signer.
 */
export function buildCredentialDocument(publicUrl: string, facts: CredentialFacts): Record<string, unknown> {
  const { credential, courses } = facts;
  const issuer = {
    type: ['Profile'],
    name: credential.issuer,
    address: { type: ['Address'], addressCountryCode: credential.country },
  };
  const ects = courses.every((c) => c.ects !== null)
    ? courses.reduce((sum, c) => sum + (c.ects ?? 0), 0)
    : undefined;
  const outcomes = courses.flatMap((c) => c.learningOutcomes.filter((o) => o.trim() !== ''));
  const salt = randomBytes(16).toString('hex');
  const validFrom = `${facts.issuedOn}T00:00:00Z`;
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, `${publicUrl}${MICROCREDENTIAL_CONTEXT_PATH}`],
    id: credentialUrl(publicUrl, facts.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: credential.title,
    issuer,
    validFrom,
    awardedDate: validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.fullName },
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          salt,
          identityHash: `sha256$${createHash('sha256')
            .update(facts.email.toLowerCase() + salt)
            .digest('hex')}`,
        },
      ],
      ...(ects !== undefined ? { creditsEarned: ects } : {}),
      achievement: {
        id: `urn:uuid:${facts.programmeId}`,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: credential.title,
        description: `${credential.title} (${credential.level}), awarded by ${credential.issuer}`,
        humanCode: facts.number,
        inLanguage: facts.language,
        creator: issuer,
        criteria: { narrative: outcomes.map((o) => `- ${o}`).join('\n') },
        ...(ects !== undefined ? { creditsAvailable: ects } : {}),
        ...(credential.eqfLevel
          ? {
              alignment: [
                {
                  type: ['Alignment'],
                  targetType: 'CFItem',
                  targetFramework: 'European Qualifications Framework',
                  targetName: `EQF level ${credential.eqfLevel}`,
                  targetCode: String(credential.eqfLevel),
                  targetUrl: EQF_LEVELS_URL,
                },
              ],
            }
          : {}),
        workloadHours: courses.reduce((sum, c) => sum + c.workloadHours, 0),
        assessmentType: credential.assessmentType,
        participationForm: credential.participationForm,
        qualityAssurance: credential.qualityAssurance,
      },
    },
    credentialStatus: {
      id: `${statusListUrl(publicUrl, facts.statusListId)}#${facts.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.statusIndex),
      statusListCredential: statusListUrl(publicUrl, facts.statusListId),
    },
  };
}
