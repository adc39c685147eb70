import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const installed = new WeakSet<Storage>();

/**
 * class-validator looks a class's rules up again on every validate(): it filters the rules of
 * every decorated class and tests the prototype chain against each of them. That was a third of
 * validating one item of a session batch. The rules change only when a decorator runs (module
 * load, and PartialType and its kind when they build a class), so each answer is kept until a
 * rule is added, which forgets them all. Callers only read the list. The same goes for the rules
 * grouped by property, which class-validator also rebuilt for every object it validates.
 */
export function cacheValidationRules(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let kept = new Map<unknown, Map<string, Rules>>();
  const grouped = new WeakMap<Rules, Grouped>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups === undefined ? '' : JSON.stringify(groups)}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  // A kept list is never changed (a new rule makes new lists), so its grouping stays right.
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    kept = new Map();
    addRule(metadata);
  };
}
