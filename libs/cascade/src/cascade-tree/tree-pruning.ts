import { TreeCohort, TreeMasterTeacher, TreeParticipant } from './cascade-tree.dto';

type Trainer = TreeMasterTeacher | TreeParticipant;

/**
 * The part of the tree a master teacher may see: their own branch in full, and the line of
 * cohorts and trainers above it; every other branch is left out.
 */
export function pruneTo(masterTeachers: TreeMasterTeacher[], personId: string): TreeMasterTeacher[] {
  const trainer = <T extends Trainer>(node: T): T | null => {
    if (node.personId === personId) return node;
    const cohorts = node.cohorts.map(cohort).filter((c): c is TreeCohort => c !== null);
    return cohorts.length > 0 ? { ...node, cohorts } : null;
  };
  const cohort = (node: TreeCohort): TreeCohort | null => {
    const participants = node.participants.map(trainer).filter((p): p is TreeParticipant => p !== null);
    return participants.length > 0 ? { ...node, participants } : null;
  };
  return masterTeachers.map(trainer).filter((m): m is TreeMasterTeacher => m !== null);
}
