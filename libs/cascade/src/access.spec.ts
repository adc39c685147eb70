import { Actor, DomainError } from '@cascade/platform';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CascadeAccess, isStaff, leadsCohort } from './access';

const actor = (role: Actor['role'], personId: string | null = null): Actor => ({
  userId: 'u',
  email: 'e',
  role,
  personId,
});
const cohort = { name: 'Darkhan-2', leadTrainerId: 'lead' };
const access = new CascadeAccess({} as DataSource, {} as ModuleRef);

describe('who may touch a cohort', () => {
  it('treats admins and coordinators as staff', () => {
    expect(isStaff(actor('admin'))).toBe(true);
    expect(isStaff(actor('coordinator'))).toBe(true);
    expect(isStaff(actor('master_teacher', 'lead'))).toBe(false);
    expect(isStaff(actor('viewer'))).toBe(false);
  });

  it('knows a master teacher leads a cohort only through their linked person', () => {
    expect(leadsCohort(actor('master_teacher', 'lead'), cohort)).toBe(true);
    expect(leadsCohort(actor('master_teacher', 'other'), cohort)).toBe(false);
    expect(leadsCohort(actor('master_teacher', null), cohort)).toBe(false);
    expect(leadsCohort(actor('coordinator', 'lead'), cohort)).toBe(false);
  });

  it('lets everyone read a cohort but a master teacher who does not lead it', () => {
    expect(() => access.assertCanRead(actor('viewer'), cohort)).not.toThrow();
    expect(() => access.assertCanRead(actor('master_teacher', 'lead'), cohort)).not.toThrow();
    expect(() => access.assertCanRead(actor('master_teacher', 'other'), cohort)).toThrow(DomainError);
  });

  it('lets staff and the leading master teacher manage a cohort, and nobody else', () => {
    expect(() => access.assertCanManage(actor('coordinator'), cohort)).not.toThrow();
    expect(() => access.assertCanManage(actor('master_teacher', 'lead'), cohort)).not.toThrow();
    expect(() => access.assertCanManage(actor('master_teacher', 'other'), cohort)).toThrow(
      /led by another trainer/,
    );
    expect(() => access.assertCanManage(actor('viewer'), cohort)).toThrow(/viewer/);
  });

  it('narrows lists to the master teacher’s person, or to nobody when the user is linked to none', () => {
    expect(access.leadTrainerScope(actor('coordinator'))).toBeUndefined();
    expect(access.leadTrainerScope(actor('master_teacher', 'lead'))).toBe('lead');
    expect(access.leadTrainerScope(actor('master_teacher', null))).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
  });
});
