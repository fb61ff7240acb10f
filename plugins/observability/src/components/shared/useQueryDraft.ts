/*
 * The state of a search form (Logs, Traces): the query last run, and the text being typed into
 * its query field, which becomes part of the query only when submitted.
 */
import { useState } from 'react';

/** A search's query and the draft of its text field. */
export interface QueryDraft<Q> {
  query: Q;
  setQuery: (query: Q) => void;
  draft: string;
  setDraft: (text: string) => void;
  /** Runs the draft: the query with its text field set to the draft. */
  submit: () => void;
}

/** Starts from `initial()`, with the draft of `field` as the query has it. */
export function useQueryDraft<K extends string, Q extends Record<K, string>>(
  initial: () => Q,
  field: K,
): QueryDraft<Q> {
  const [query, setQuery] = useState(initial);
  const [draft, setDraft] = useState<string>(() => query[field]);
  return {
    query,
    setQuery,
    draft,
    setDraft,
    submit: () => setQuery({ ...query, [field]: draft }),
  };
}
