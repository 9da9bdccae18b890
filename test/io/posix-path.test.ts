import * as path from 'path';
import { relativePosixPath, toPosixPath } from '../../src/io/posix-path';

test('toPosixPath uses / whatever the platform separator', () => {
  expect(toPosixPath(['a', 'b', 'c'].join(path.sep))).toBe('a/b/c');
});

test('relativePosixPath', () => {
  expect(relativePosixPath('/repo/ci', '/repo/layers/tools')).toBe('../layers/tools');
  expect(relativePosixPath('/repo', '/repo')).toBe('.');
});
