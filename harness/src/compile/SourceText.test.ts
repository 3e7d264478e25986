import { describe, expect, it } from 'vitest';
import { SourceText } from './SourceText.js';

describe('SourceText', () => {
  const content = 'a\n// café ∑ 😀\nx = é + 1;\n';
  const text = new SourceText(content);
  const bytes = Buffer.from(content, 'utf8');

  it('reads byte offsets as lines and character columns', () => {
    const plus = bytes.indexOf('+');
    expect(text.position(plus)).toEqual({ line: 3, column: content.split('\n')[2]!.indexOf('+') + 1 });
    // Past 😀 (4 bytes, 2 UTF-16 units) and ∑ (3 bytes, 1 unit).
    expect(text.position(bytes.length - 1)).toEqual({ line: 3, column: 11 });
    expect(text.position(0)).toEqual({ line: 1, column: 1 });
    expect(text.lineOf(bytes.indexOf('//'))).toBe(2);
  });

  it('turns a line and column back into the same byte offset', () => {
    for (let offset = 0; offset < bytes.length; offset++) {
      // Only offsets at character boundaries have a column.
      if ((bytes[offset]! & 0xc0) === 0x80) continue;
      const { line, column } = text.position(offset);
      expect(text.offsetOf(line, column), `offset ${offset}`).toBe(offset);
    }
  });

  it('slices by bytes', () => {
    expect(text.slice(bytes.indexOf('é + 1'), Buffer.byteLength('é + 1'))).toBe('é + 1');
    expect(text.byteLength).toBe(bytes.length);
  });
});
