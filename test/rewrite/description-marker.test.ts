import { composeDescription, MAX_DESCRIPTION_LENGTH, stripMarker } from '../../src/rewrite/description-marker';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

describe('composeDescription', () => {
  test('appends one marker with the fingerprints in the given order', () => {
    expect(composeDescription('Orders API', [B, A]).description).toBe(`Orders API [layer-sync ${B} ${A}]`);
  });

  test('an empty or missing description gives the marker alone', () => {
    expect(composeDescription(undefined, [A]).description).toBe(`[layer-sync ${A}]`);
    expect(composeDescription('', [A]).description).toBe(`[layer-sync ${A}]`);
  });

  test('replaces a marker it appended earlier instead of adding a second one', () => {
    const once = composeDescription('Orders API', [A]).description;
    expect(composeDescription(once, [B]).description).toBe(`Orders API [layer-sync ${B}]`);
  });

  test('keeps a user text that merely looks like a marker in the middle', () => {
    expect(composeDescription('uses [layer-sync abc] tags', [A]).description).toBe(`uses [layer-sync abc] tags [layer-sync ${A}]`);
  });

  test('compacts the marker to a combined digest when the full one does not fit', () => {
    const five = [A, B, A, B, A];
    const full = ` [layer-sync ${five.join(' ')}]`;
    const text = 'u'.repeat(MAX_DESCRIPTION_LENGTH - full.length + 1);
    const { description, truncatedFrom } = composeDescription(text, five);
    expect(description).toMatch(new RegExp(`^${text} \\[layer-sync 5x[0-9a-f]{16}\\]$`));
    expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(truncatedFrom).toBeUndefined();
  });

  test('shortens the user text only when even the compact marker does not fit, and says from what length', () => {
    const text = 'v'.repeat(300);
    const { description, truncatedFrom } = composeDescription(text, [A]);
    expect(description).toHaveLength(MAX_DESCRIPTION_LENGTH);
    expect(description.endsWith(`... [layer-sync ${A}]`)).toBe(true);
    expect(truncatedFrom).toBe(300);
  });

  test('never cuts an emoji (a UTF-16 surrogate pair) in half', () => {
    const keep = MAX_DESCRIPTION_LENGTH - ` [layer-sync ${A}]`.length - '...'.length;
    for (const shift of [0, 1]) {
      const text = `${'e'.repeat(keep - 1 - shift)}${'\u{1F600}'.repeat(100)}`;
      const { description } = composeDescription(text, [A]);
      expect(description).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(description).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(description.endsWith(`... [layer-sync ${A}]`)).toBe(true);
      expect(composeDescription(description, [A]).description).toBe(description);
    }
  });

  test.each([0, 100, 230, 240, 256, 1000])('is idempotent for a %i-character description', length => {
    const first = composeDescription('w'.repeat(length), [A, B]).description;
    expect(composeDescription(first, [A, B]).description).toBe(first);
    expect(first.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
  });
});

describe('stripMarker', () => {
  test('removes a trailing marker and the space before it', () => {
    expect(stripMarker(`text [layer-sync ${A}]`)).toBe('text');
    expect(stripMarker('text [layer-sync 2x0123456789abcdef]')).toBe('text');
  });
  test('leaves other text alone', () => {
    expect(stripMarker('text [other thing]')).toBe('text [other thing]');
  });
});
