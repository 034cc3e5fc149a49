import { useState, type FormEvent } from 'react';

interface SearchBoxProps {
  /** The search in force (the box is re-created with a `key` when it changes from outside). */
  initial: string;
  onSearch(value: string): void;
  label: string;
  buttonLabel: string;
  /** Shown as a "clear" link while a search is in force; no link when absent. */
  clearLabel?: string;
  className?: string;
  testId: string;
}

/** A search form: submit runs the trimmed text; the list page keeps the search in its URL. */
export function SearchBox({ initial, onSearch, label, buttonLabel, clearLabel, className, testId }: SearchBoxProps) {
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" className={className} onSubmit={submit}>
      <label>
        {label}
        <input type="search" value={value} maxLength={200} dir="auto" onChange={(e) => setValue(e.target.value)} data-testid={testId} />
      </label>
      <button type="submit" className="secondary">{buttonLabel}</button>
      {clearLabel && initial && <button type="button" className="link-button" onClick={() => { setValue(''); onSearch(''); }}>{clearLabel}</button>}
    </form>
  );
}
