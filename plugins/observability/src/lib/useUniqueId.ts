/*
 * A stable, document-unique id per component instance, to associate labels with form controls
 * (React 17 has no `useId`; the app renders client-side only).
 */
import { useState } from 'react';

let counter = 0;

/** `prefix-<n>`, the same for the lifetime of the component. */
export function useUniqueId(prefix: string): string {
  const [id] = useState(() => {
    counter += 1;
    return `${prefix}-${counter}`;
  });
  return id;
}
