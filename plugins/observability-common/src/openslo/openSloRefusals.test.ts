import fs from 'node:fs';
import path from 'node:path';
import { OPENSLO_REFUSALS } from './openSloRefusals';

const DOC = path.resolve(__dirname, '../../../../docs/openslo.md');

describe('docs/openslo.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const messages = Object.entries(OPENSLO_REFUSALS).map(([key, message]) => {
    if (typeof message === 'string') {
      return [key, message];
    }
    const sample =
      { severalObjectives: 2, alertingKind: 'AlertPolicy' }[key] ?? 'Datadog';
    return [key, (message as (arg: unknown) => string)(sample)];
  });

  it.each(messages)(
    'quotes the %s refusal exactly as the code words it',
    (_, message) => {
      expect(doc).toContain(message);
    },
  );
});
