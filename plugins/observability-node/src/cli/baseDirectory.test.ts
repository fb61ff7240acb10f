import { baseDirectory } from './baseDirectory';

const PACKAGE = '/repo/plugins/observability-node';

describe('baseDirectory', () => {
  it('is the working directory outside yarn', () => {
    expect(baseDirectory({}, '/somewhere', PACKAGE)).toBe('/somewhere');
  });

  it('is where yarn was started (INIT_CWD), not the script folder', () => {
    expect(
      baseDirectory(
        {
          INIT_CWD: '/repo/examples',
          npm_package_name: 'root',
          PROJECT_CWD: '/repo',
        },
        '/repo',
        PACKAGE,
      ),
    ).toBe('/repo/examples');
  });

  it('is the repository root when yarn workspace hid the caller behind the package folder', () => {
    expect(
      baseDirectory(
        {
          INIT_CWD: PACKAGE,
          npm_package_name: '@lookout/plugin-observability-node',
          PROJECT_CWD: '/repo',
        },
        PACKAGE,
        PACKAGE,
      ),
    ).toBe('/repo');
  });
});
