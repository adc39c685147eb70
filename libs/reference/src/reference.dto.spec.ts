import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateCourseDto, UpdateCourseDto } from './courses/course.dto';
import { CreatePersonDto, UpdatePersonDto } from './people/person.dto';
import { CreateRegionDto } from './regions/region.dto';

/** The names of the fields that fail validation. */
function failing<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain)).map((error) => error.property);
}

const course = {
  code: 'AI-101',
  title: 'AI',
  titleMn: 'ХО',
  workloadHours: 30,
  learningOutcomes: ['Uses AI'],
  language: 'mn',
  deliveryModes: ['online'],
};

describe('reference DTOs', () => {
  it.each(['MN-1', 'MN-073', 'MN-999'])('accepts the region code %s', (code) => {
    expect(failing(CreateRegionDto, { code, name: 'x', nameMn: 'х' })).toEqual([]);
  });

  it.each(['MN-', 'MN-1234', 'mn-1', 'UB', ' MN-1'])('refuses the region code %j', (code) => {
    expect(failing(CreateRegionDto, { code, name: 'x', nameMn: 'х' })).toEqual(['code']);
  });

  it('accepts a course without ects and refuses ects with two decimals or below zero', () => {
    expect(failing(CreateCourseDto, course)).toEqual([]);
    expect(failing(CreateCourseDto, { ...course, ects: 1.25 })).toEqual(['ects']);
    expect(failing(CreateCourseDto, { ...course, ects: -1 })).toEqual(['ects']);
  });

  it('refuses a delivery mode outside online, face_to_face and hybrid, and a repeated one', () => {
    expect(failing(CreateCourseDto, { ...course, deliveryModes: ['online', 'radio'] })).toEqual([
      'deliveryModes',
    ]);
    expect(failing(CreateCourseDto, { ...course, deliveryModes: ['online', 'online'] })).toEqual([
      'deliveryModes',
    ]);
  });

  it('lets a PATCH clear ects with null but not the title', () => {
    expect(failing(UpdateCourseDto, { ects: null })).toEqual([]);
    expect(failing(UpdateCourseDto, { title: null })).toEqual(['title']);
    expect(failing(UpdateCourseDto, {})).toEqual([]);
  });

  it('lets a person leave out the preferred language but not send it as null', () => {
    const person = {
      fullName: 'Сарантуяа',
      email: 'S@example.mn',
      institutionId: '6f1c4a3e-8d0b-4c57-9a55-0d6b8f3a2b10',
    };
    expect(failing(CreatePersonDto, person)).toEqual([]);
    expect(failing(CreatePersonDto, { ...person, preferredLanguage: null })).toEqual(['preferredLanguage']);
    expect(failing(UpdatePersonDto, { gender: null, discipline: null })).toEqual([]);
    expect(failing(UpdatePersonDto, { email: null })).toEqual(['email']);
  });
});
