import { parseCommand } from './parseCommand';

describe('parseCommand', () => {
  it('reads render with repeated --catalog and --config, operator by default', () => {
    expect(
      parseCommand([
        'render',
        '--catalog',
        'a.yaml',
        '--catalog',
        'dir',
        '--out',
        'out',
        '--config',
        'app-config.yaml',
      ]),
    ).toEqual({
      command: 'render',
      catalog: ['a.yaml', 'dir'],
      out: 'out',
      format: 'operator',
      config: ['app-config.yaml'],
      allowRead: [],
      check: false,
      cache: true,
    });
  });

  it('reads --no-cache, an option of render only', () => {
    expect(
      parseCommand(['render', '--catalog', 'c', '--out', 'o', '--no-cache']),
    ).toMatchObject({ cache: false });
    expect(() =>
      parseCommand(['validate', '--catalog', 'c', '--no-cache']),
    ).toThrow('--no-cache is an option of render, not validate');
  });

  it('reads the prometheus format and --check', () => {
    expect(
      parseCommand([
        'render',
        '--catalog=x',
        '--out=o',
        '--format=prometheus',
        '--check',
      ]),
    ).toMatchObject({ format: 'prometheus', check: true });
  });

  it('reads validate', () => {
    expect(parseCommand(['validate', '--catalog', 'x'])).toEqual({
      command: 'validate',
      catalog: ['x'],
      config: [],
      allowRead: [],
    });
  });

  it('answers --help', () => {
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'missing command'],
    [['deploy'], 'unknown command "deploy"'],
    [['render', '--out', 'o'], '--catalog is required'],
    [['render', '--catalog', 'c'], '--out is required'],
    [
      ['render', '--catalog', 'c', '--out', 'o', '--format', 'helm'],
      '--format must be operator or prometheus',
    ],
    [
      ['render', '--catalog', 'c', '--out', 'o', '--verbose'],
      "Unknown option '--verbose'",
    ],
    [
      ['validate', '--catalog', 'c', '--out', 'o'],
      '--out is an option of render',
    ],
    [
      ['render', 'extra', '--catalog', 'c', '--out', 'o'],
      'unexpected argument "extra"',
    ],
  ])('rejects %j', (args, message) => {
    expect(() => parseCommand(args)).toThrow(message);
  });
});
