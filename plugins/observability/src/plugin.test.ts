import { observabilityPlugin } from './plugin';

describe('observability', () => {
  it('should export plugin', () => {
    expect(observabilityPlugin).toBeDefined();
  });
});
