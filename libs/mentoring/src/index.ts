export * from './mentoring.module';
export * from './assignments/mentoring-assignment.entity';
export * from './assignments/assignments.service';
export * from './sessions/mentoring-session.entity';
export * from './sessions/sessions.service';
