import { environmentLabel, environmentsOverlap, matchEnvironment } from '../../src/registry/environment-match';

const any = { fingerprint: 'any' };
const a = { account: '111111111111', region: 'eu-west-1', fingerprint: 'a' };
const b = { account: '222222222222', region: 'eu-west-1', fingerprint: 'b' };
const regionOnly = { region: 'us-east-1', fingerprint: 'r' };

describe('matchEnvironment', () => {
  test('an exact environment wins over an agnostic entry', () => {
    expect(matchEnvironment([any, a, b], '111111111111', 'eu-west-1').match).toBe(a);
  });
  test('an agnostic entry serves other environments', () => {
    expect(matchEnvironment([any, a], '333333333333', 'eu-west-1').match).toBe(any);
  });
  test('a known account or region must be equal', () => {
    expect(matchEnvironment([a], '222222222222', 'eu-west-1')).toEqual({ ambiguous: [] });
    expect(matchEnvironment([regionOnly], '111111111111', 'eu-west-1')).toEqual({ ambiguous: [] });
  });
  test('an agnostic consumer matches a single env-specific producer', () => {
    expect(matchEnvironment([a])).toEqual({ match: a, ambiguous: [] });
  });
  test('an agnostic consumer facing two different producers is ambiguous', () => {
    expect(matchEnvironment([a, b])).toEqual({ ambiguous: [a, b] });
  });
  test('equally good candidates with the same fingerprint are not ambiguous', () => {
    const a2 = { ...b, fingerprint: 'a' };
    expect(matchEnvironment([a, a2]).match?.fingerprint).toBe('a');
  });
  test('nothing to match', () => {
    expect(matchEnvironment([], 'x', 'y')).toEqual({ ambiguous: [] });
  });
});

describe('environmentsOverlap and environmentLabel', () => {
  test('an unknown field overlaps anything; known fields must be equal', () => {
    expect(environmentsOverlap({}, { account: '1', region: 'r' })).toBe(true);
    expect(environmentsOverlap({ account: '1' }, { account: '1', region: 'r' })).toBe(true);
    expect(environmentsOverlap({ account: '1' }, { account: '2' })).toBe(false);
    expect(environmentsOverlap({ region: 'a' }, { region: 'b' })).toBe(false);
  });

  test('labels name what is known', () => {
    expect(environmentLabel({})).toBe('any environment');
    expect(environmentLabel({ account: '1', region: 'r' })).toBe('1/r');
    expect(environmentLabel({ region: 'r' })).toBe('any account/r');
  });
});
