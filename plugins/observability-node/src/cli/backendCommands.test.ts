import { runCli } from './main';
import { parseBackendCommand } from './backendCommands';

function io(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env,
      cwd: process.cwd(),
    },
  };
}

describe('lookout release and gate: the command line', () => {
  it('reads a release with every option', () => {
    expect(
      parseBackendCommand([
        'release',
        '--entity',
        'component:default/checkout',
        '--version',
        'v1.4.2',
        '--backend',
        'http://127.0.0.1:7007/',
        '--at',
        '2026-11-25T17:00:00Z',
        '--url',
        'https://ci.example.com/42',
        '--description',
        'new flow',
        '--kind',
        'fix',
      ]),
    ).toEqual({
      command: 'release',
      entityPath: 'component/default/checkout',
      backend: 'http://127.0.0.1:7007',
      body: {
        version: 'v1.4.2',
        at: '2026-11-25T17:00:00Z',
        url: 'https://ci.example.com/42',
        description: 'new flow',
        kind: 'fix',
      },
    });
  });

  it.each([
    [['gate', '--backend', 'http://x'], /--entity is required/],
    [
      ['gate', '--entity', 'checkout', '--backend', 'http://x'],
      /--entity: .*missing or empty kind/,
    ],
    [
      ['gate', '--entity', 'component:default/checkout'],
      /--backend is required/,
    ],
    [
      [
        'gate',
        '--entity',
        'component:default/checkout',
        '--backend',
        'ftp://x',
      ],
      /not an http\(s\) URL/,
    ],
    [
      [
        'release',
        '--entity',
        'component:default/checkout',
        '--backend',
        'http://x',
      ],
      /--version is required/,
    ],
    [
      [
        'gate',
        '--entity',
        'component:default/checkout',
        '--backend',
        'http://x',
        '--version',
        'v1',
      ],
      /Unknown option '--version'/,
    ],
    [
      [
        'gate',
        '--entity',
        'component:default/checkout',
        '--backend',
        'http://x',
        '--kind',
        'Hot Fix',
      ],
      /--kind: found "Hot Fix"/,
    ],
  ])('%j is a usage error: exit 2 with the reason', async (args, message) => {
    const { io: cliIo, out } = io();
    expect(await runCli(args, cliIo)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('exits 2 when the backend cannot be reached', async () => {
    const { io: cliIo, out } = io({ LOOKOUT_TOKEN: 't' });
    const code = await runCli(
      [
        'gate',
        '--entity',
        'component:default/checkout',
        '--backend',
        'http://127.0.0.1:1',
      ],
      cliIo,
    );
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:1\//);
  });
});
