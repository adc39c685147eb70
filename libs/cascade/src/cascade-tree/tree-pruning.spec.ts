import { TreeMasterTeacher, TreeParticipant } from './cascade-tree.dto';
import { pruneTo } from './tree-pruning';

const leaf = (personId: string, generation: number): TreeParticipant => ({
  personId,
  fullName: personId,
  generation,
  status: 'enrolled',
  cohorts: [],
});
const cohort = (cohortId: string, participants: TreeParticipant[]) => ({
  cohortId,
  name: cohortId,
  roundNumber: 1,
  regionId: 'r',
  participants,
});

/** m1 leads c1 {a, b}; a leads c2 {x}; m2 leads c3 {y}. */
const tree: TreeMasterTeacher[] = [
  {
    personId: 'm1',
    fullName: 'm1',
    generation: 1,
    cohorts: [cohort('c1', [{ ...leaf('a', 2), cohorts: [cohort('c2', [leaf('x', 3)])] }, leaf('b', 2)])],
  },
  { personId: 'm2', fullName: 'm2', generation: 1, cohorts: [cohort('c3', [leaf('y', 2)])] },
];

describe('pruning the cascade tree to a master teacher', () => {
  it('keeps a master teacher’s own branch whole and drops the others', () => {
    expect(pruneTo(tree, 'm2')).toEqual([tree[1]]);
  });

  it('keeps the line above a later-generation trainer and their branch, without their fellow participants', () => {
    const pruned = pruneTo(tree, 'a');
    expect(pruned).toHaveLength(1);
    expect(pruned[0].cohorts[0].participants.map((p) => p.personId)).toEqual(['a']);
    expect(pruned[0].cohorts[0].participants[0].cohorts[0].participants.map((p) => p.personId)).toEqual([
      'x',
    ]);
  });

  it('leaves nothing for a person outside the tree', () => {
    expect(pruneTo(tree, 'nobody')).toEqual([]);
  });
});
