import { parseObjective } from './objective';
import { parseLatencyThreshold } from './threshold';
import { parseSloWindow } from './window';
import { parseSloLabelName } from './sloLabels';

describe('parseObjective', () => {
  it.each([
    [99.9, 99.9],
    ['99.9', 99.9],
    [' 99 ', 99],
    ['.5', 0.5],
    [99.999, 99.999],
  ])('accepts %j', (value, objective) => {
    expect(parseObjective(value)).toEqual({ ok: true, value: objective });
  });

  it.each([
    [100, /^100% leaves no error budget/],
    ['100', /^100% leaves no error budget/],
    [0, /^number 0 is 0, which lets every event fail/],
    [-1, /^number -1 is negative/],
    [150, /^number 150 is too large: above 100/],
    ['-5', /^"-5" is negative; expected a percentage above 0 and below 100/],
    ['1e308', /^"1e308" is too large: above 100/],
    ['1e999', /^"1e999" is too large; expected/],
    ['abc', /is not a number/],
    [
      '99.9%',
      /^found "99.9%": expected a number of percent without the % sign, e.g. 99.9$/,
    ],
    ['1e2', /^100% leaves no error budget/],
    [Infinity, /expected a percentage/],
    [null, /^found an empty value/],
    [true, /^found boolean true/],
  ])('rejects %j', (value, message) => {
    const result = parseObjective(value);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('parseLatencyThreshold', () => {
  it.each([
    ['300ms', 0.3],
    ['0.3s', 0.3],
    ['1s', 1],
    ['1.5m', 90],
    ['250', 250],
    [0.25, 0.25],
    ['2.5ms', 0.0025],
  ])('reads %j as %d seconds', (value, seconds) => {
    expect(parseLatencyThreshold(value)).toEqual({ ok: true, value: seconds });
  });

  it.each(['fast', '0ms', 0, -1, '1h', '300 millis', '', null])(
    'rejects %j',
    value => {
      expect(parseLatencyThreshold(value).ok).toBe(false);
    },
  );
});

describe('parseSloWindow', () => {
  it.each(['7d', '30d', '90d', '1w', '4w', '12w', '168h', '720h', '2160h'])(
    'accepts %j as written',
    text => {
      expect(parseSloWindow(text)).toEqual({ ok: true, value: text });
    },
  );

  it.each([
    ['1d', /shorter than 7d/],
    ['167h', /shorter than 7d/],
    ['365d', /longer than 90d/],
    ['13w', /longer than 90d/],
    ['30', /is not a window/],
    ['1M', /is not a window/],
    ['2w1d', /is not a window/],
    ['030d', /is not a window/],
    [30, /^found number 30/],
  ])('rejects %j', (value, message) => {
    const result = parseSloWindow(value);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('parseSloLabelName', () => {
  it.each(['tier', 'team_name', '_x'])('accepts %j', name => {
    expect(parseSloLabelName(name)).toEqual({ ok: true, value: name });
  });

  it.each(['__x', '1tier', 'my-label', ''])('rejects %j', name => {
    expect(parseSloLabelName(name).ok).toBe(false);
  });

  it.each([
    ['slo', 'names the SLO on every series and alert'],
    ['backstage_entity', 'names the entity on every series and alert'],
    ['severity', 'tells a page from a ticket'],
    ['team', "routes the alerts in Alertmanager (it is the owner's name)"],
    ['owner', 'is the owner on slo_info'],
    ['alertname', 'is the name of the alert'],
    ['alertstate', "is Prometheus' state of the alert"],
    ['objective', 'is the objective on slo_info'],
    ['window', 'is the window on slo_info and of every error ratio'],
    ['indicator', 'is the indicator type on slo_info'],
    ['description', 'is the description on slo_info'],
  ])('refuses the reserved label %j, saying why', (name, why) => {
    expect(parseSloLabelName(name)).toEqual({
      ok: false,
      message: `"${name}" is reserved by Lookout: it ${why}; use another name, e.g. tier`,
    });
  });
});
