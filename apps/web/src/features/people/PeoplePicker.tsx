import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Person, usePeopleSearch } from '../reference/useReference';

interface Props {
  label: string;
  value: Person[];
  onChange: (people: Person[]) => void;
  error?: string;
  max?: number;
}

/** Picks people by name or email, searched on the server as the user types (no id is ever typed). */
export function PeoplePicker({ label, value, onChange, error, max }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = usePeopleSearch(q);
  const known = new Map([...(found.data ?? []), ...value].map((p) => [p.id, p]));
  return (
    <MultiSelect
      label={label}
      searchable
      clearable
      maxValues={max}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((p): p is Person => !!p))}
      data={[...known.values()].map((p) => ({ value: p.id, label: `${p.fullName} · ${p.email}` }))}
      error={error}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? '—' : undefined}
    />
  );
}
