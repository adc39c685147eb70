import en from '../src/i18n/en.json';
import mn from '../src/i18n/mn.json';

type Texts = { [key: string]: string | Texts };
const entries = (texts: Texts, prefix = ''): [string, string][] =>
  Object.entries(texts).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`),
  );
const keys = (texts: Texts) => entries(texts).map(([key]) => key);

describe('the web app’s texts', () => {
  it('has every Mongolian text in English and every English text in Mongolian', () => {
    expect(keys(mn).sort()).toEqual(keys(en).sort());
  });

  it('leaves no text empty', () => {
    const empty = [...entries(mn), ...entries(en)].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
