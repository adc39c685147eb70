/** A completion as the API answers it, with its course code and its enrolment's status. */
export const COMPLETION_VIEW = `SELECT cc.id, cc.enrolment_id AS "enrolmentId", cc.course_id AS "courseId", co.code AS "courseCode",
                     cc.completed_on::text AS "completedOn", cc.score::float8 AS score, cc.client_ref AS "clientRef",
                     e.status AS "enrolmentStatus"
                FROM course_completions cc JOIN courses co ON co.id = cc.course_id
                JOIN enrolments e ON e.id = cc.enrolment_id`;
