import { EntityManager } from 'typeorm';

/** The injection token of the one CertificationListener (the credentials module provides it). */
export const CERTIFICATION_LISTENER = Symbol('CertificationListener');

/**
 * What follows from a change of certifications outside the cascade module: the verifiable
 * credentials. The cascade calls it; it does not know what a credential is.
 */
export interface CertificationListener {
  /** Inside the transaction that revokes these certifications (their credentials' status bits flip with it). */
  revokedIn(tx: EntityManager, certificationIds: string[]): Promise<void>;
  /** After the commit that issued certifications in the programme. */
  issued(programmeId: string): Promise<void>;
}
