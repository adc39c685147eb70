import { Button, Table } from '@mantine/core';
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
      table={(courses, edit) => (
        <Table striped data-testid="courses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.reference.code')}</Table.Th>
              <Table.Th>{t('admin.reference.courseTitleMn')}</Table.Th>
              <Table.Th>{t('admin.reference.courseTitle')}</Table.Th>
              <Table.Th>{t('admin.reference.workloadHours')}</Table.Th>
              <Table.Th>{t('admin.reference.ects')}</Table.Th>
              <Table.Th>{t('admin.reference.learningOutcomes')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.map((course) => (
              <Table.Tr key={course.id}>
                <Table.Td>{course.code}</Table.Td>
                <Table.Td>{course.titleMn}</Table.Td>
                <Table.Td>{course.title}</Table.Td>
                <Table.Td>{course.workloadHours}</Table.Td>
                <Table.Td>{course.ects ?? '—'}</Table.Td>
                <Table.Td>{course.learningOutcomes.length}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => edit(course)}
                    aria-label={t('admin.reference.editNamed', { name: course.code })}
                  >
                    {t('admin.reference.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    />
  );
}
