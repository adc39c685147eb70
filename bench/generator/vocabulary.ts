/** The generated programme's words: real Mongolian regions, institutions and names (Cyrillic). */

/** Region codes in the order cohorts are spread over them (round-robin). */
export const REGION_CODES = [
  'MN-1', 'MN-073', 'MN-069', 'MN-071', 'MN-067', 'MN-037', 'MN-061', 'MN-063', 'MN-059', 'MN-065', 'MN-064',
  'MN-039', 'MN-043', 'MN-041', 'MN-053', 'MN-035', 'MN-055', 'MN-049', 'MN-051', 'MN-047', 'MN-046', 'MN-057',
];

type Kind = 'university' | 'college' | 'institute' | 'other';

/** 38 institutions: 17 in Ulaanbaatar, one in each aimag. */
export const INSTITUTIONS: [regionCode: string, name: string, nameMn: string, kind: Kind][] = [
  ['MN-1', 'Mongolian State University of Education', 'Монгол Улсын Боловсролын Их Сургууль', 'university'],
  ['MN-1', 'National University of Mongolia', 'Монгол Улсын Их Сургууль', 'university'],
  ['MN-1', 'Mongolian University of Science and Technology', 'Шинжлэх Ухаан, Технологийн Их Сургууль', 'university'],
  ['MN-1', 'Mongolian National University of Medical Sciences', 'Анагаахын Шинжлэх Ухааны Үндэсний Их Сургууль', 'university'],
  ['MN-1', 'Mongolian University of Life Sciences', 'Хөдөө Аж Ахуйн Их Сургууль', 'university'],
  ['MN-1', 'University of the Humanities', 'Хүмүүнлэгийн Ухааны Их Сургууль', 'university'],
  ['MN-1', 'Mongolian National University of Arts and Culture', 'Соёл Урлагийн Их Сургууль', 'university'],
  ['MN-1', 'Institute of Teacher Professional Development', 'Багшийн Мэргэжил Дээшлүүлэх Институт', 'institute'],
  ['MN-1', 'Ulaanbaatar Polytechnic College', 'Улаанбаатар Политехник Коллеж', 'college'],
  ['MN-1', 'University of Finance and Economics', 'Санхүү Эдийн Засгийн Их Сургууль', 'university'],
  ['MN-1', 'German-Mongolian Institute for Resources and Technology', 'Монгол-Германы Хамтарсан Технологийн Их Сургууль', 'university'],
  ['MN-1', 'National Institute for Educational Research', 'Боловсролын Судалгааны Үндэсний Хүрээлэн', 'institute'],
  ['MN-1', 'Ulaanbaatar Teachers College', 'Улаанбаатар Багшийн Коллеж', 'college'],
  ['MN-1', 'Mongolian State Conservatory', 'Монгол Улсын Консерватори', 'other'],
  ['MN-1', 'Otgontenger University', 'Отгонтэнгэр Их Сургууль', 'university'],
  ['MN-1', 'Ikh Zasag International University', 'Их Засаг Олон Улсын Их Сургууль', 'university'],
  ['MN-1', 'Mandakh University', 'Мандах Их Сургууль', 'university'],
  ['MN-073', 'Arkhangai Polytechnic College', 'Архангай Политехник Коллеж', 'college'],
  ['MN-069', 'Bayankhongor Polytechnic College', 'Баянхонгор Политехник Коллеж', 'college'],
  ['MN-071', 'Khovd University Bayan-Ölgii School', 'Ховд Их Сургуулийн Баян-Өлгий Сургууль', 'university'],
  ['MN-067', 'Bulgan Polytechnic College', 'Булган Политехник Коллеж', 'college'],
  ['MN-037', 'Darkhan-Uul School of Education', 'Дархан-Уул Багшийн Сургууль', 'institute'],
  ['MN-061', 'Dornod University', 'Дорнод Их Сургууль', 'university'],
  ['MN-063', 'Dornogovi Polytechnic College', 'Дорноговь Политехник Коллеж', 'college'],
  ['MN-059', 'Dundgovi Vocational College', 'Дундговь Мэргэжлийн Коллеж', 'college'],
  ['MN-065', 'Govi-Altai Teachers College', 'Говь-Алтай Багшийн Коллеж', 'college'],
  ['MN-064', 'Govisümber Polytechnic College', 'Говьсүмбэр Политехник Коллеж', 'college'],
  ['MN-039', 'Khentii Regional Education Centre', 'Хэнтий Бүсийн Боловсролын Төв', 'other'],
  ['MN-043', 'Khovd University', 'Ховд Их Сургууль', 'university'],
  ['MN-041', 'Khövsgöl School of Education', 'Хөвсгөл Багшийн Сургууль', 'institute'],
  ['MN-053', 'Ömnögovi Polytechnic College', 'Өмнөговь Политехник Коллеж', 'college'],
  ['MN-035', 'Orkhon University', 'Орхон Их Сургууль', 'university'],
  ['MN-055', 'Arvaikheer School of Education', 'Арвайхээр Багшийн Сургууль', 'institute'],
  ['MN-049', 'Selenge Polytechnic College', 'Сэлэнгэ Политехник Коллеж', 'college'],
  ['MN-051', 'Sükhbaatar Vocational College', 'Сүхбаатар Мэргэжлийн Коллеж', 'college'],
  ['MN-047', 'Töv Teacher Development Centre', 'Төв аймгийн Багшийн Хөгжлийн Төв', 'other'],
  ['MN-046', 'Uvs Teachers College', 'Увс Багшийн Коллеж', 'college'],
  ['MN-057', 'Zavkhan School of Education', 'Завхан Багшийн Сургууль', 'institute'],
];

/** The three core courses, bilingual. */
export const CORE_COURSES: [code: string, title: string, titleMn: string, hours: number][] = [
  ['AIED-101', 'AI Foundations for Educators', 'Багш нарт зориулсан хиймэл оюуны үндэс', 30],
  ['AIED-102', 'Generative AI in Lesson Design', 'Хичээл төлөвлөлтөд үүсгэгч хиймэл оюун ашиглах', 30],
  ['AIED-103', 'Assessment and Ethics of AI in the Classroom', 'Анги танхим дахь хиймэл оюун: үнэлгээ ба ёс зүй', 24],
];

export const GIVEN_NAMES_FEMALE = [
  'Оюунчимэг', 'Сарангэрэл', 'Наранцэцэг', 'Номин', 'Урангуа', 'Алтанцэцэг', 'Батцэцэг', 'Ариунаа', 'Солонго',
  'Дэлгэрмаа', 'Хулан', 'Мөнхзул', 'Цэцэгмаа', 'Баярмаа', 'Энхжаргал', 'Гэрэлмаа', 'Одонтуяа', 'Түмэнжаргал',
];
export const GIVEN_NAMES_MALE = [
  'Батбаяр', 'Болд', 'Ганбаатар', 'Төмөр', 'Энхбаяр', 'Мөнхбат', 'Отгонбаяр', 'Ганзориг', 'Эрдэнэбат', 'Түвшин',
  'Баасанжав', 'Нямбаяр', 'Цогтбаяр', 'Лхагвасүрэн', 'Пүрэвдорж',
];
export const FATHER_NAMES = [
  'Дорж', 'Батаа', 'Ганбат', 'Сүхбаатар', 'Пүрэв', 'Цэрэн', 'Нямдорж', 'Баатар', 'Мягмар', 'Энхтөр', 'Лхагва',
  'Даваа', 'Очир', 'Жаргал', 'Бямба', 'Содном', 'Төмөрбаатар', 'Дамдин', 'Чимэд', 'Гомбо', 'Намжил',
];
export const DISCIPLINES = [
  'Mathematics', 'Mongolian Language', 'English Language', 'Physics', 'Chemistry', 'Biology', 'History',
  'Geography', 'Computer Science', 'Primary Education', 'Pedagogy', 'Art and Design',
];
export const MENTORING_TOPICS = ['lesson planning', 'prompt design', 'assessment', 'academic integrity', 'classroom practice'];
export const ADOPTION_DESCRIPTIONS = [
  'Uses a chatbot to draft differentiated reading tasks, reviewed before class',
  'Students critique AI-generated answers in problem-solving lessons',
  'Rubric-based feedback drafted with AI and checked by the teacher',
  'Integrated an AI literacy unit into the curriculum',
];
