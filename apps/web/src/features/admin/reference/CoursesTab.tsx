import { useTranslation } from 'react-i18next';
import { CourseForm } from './CourseForm';
import { EditableList } from './EditableList';
import { useCourses } from './useReference';

export function CoursesTab() {
  const { t } = useTranslation();
  return (
    <EditableList
      newLabel={t('admin.reference.newCourse')}
      useItems={useCourses}
      form={(course, done) => <CourseForm course={course} onDone={done} />}
      testId="courses"
      nameOf={(course) => course.code}
      columns={[
        { label: t('admin.reference.code'), cell: (course) => course.code },
        { label: t('admin.reference.courseTitleMn'), cell: (course) => course.titleMn },
        { label: t('admin.reference.courseTitle'), cell: (course) => course.title },
        { label: t('admin.reference.workloadHours'), cell: (course) => course.workloadHours },
        { label: t('admin.reference.ects'), cell: (course) => course.ects ?? '—' },
        { label: t('admin.reference.learningOutcomes'), cell: (course) => course.learningOutcomes.length },
      ]}
    />
  );
}
