import { act, renderHook } from '@testing-library/react';
import { useQueryDraft } from './useQueryDraft';

describe('useQueryDraft', () => {
  it('runs the typed text only when submitted, keeping the rest of the query', () => {
    const { result } = renderHook(() =>
      useQueryDraft(() => ({ filter: '|= "GET"', limit: 100 }), 'filter'),
    );
    expect(result.current.draft).toBe('|= "GET"');

    act(() => result.current.setDraft('|= "POST"'));
    expect(result.current.query).toEqual({ filter: '|= "GET"', limit: 100 });

    act(() => result.current.setQuery({ ...result.current.query, limit: 500 }));
    act(() => result.current.submit());
    expect(result.current.query).toEqual({ filter: '|= "POST"', limit: 500 });
  });
});
