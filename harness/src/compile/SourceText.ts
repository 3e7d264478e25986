/**
 * A source's content addressed the way solc addresses it: source maps and AST `src` fields
 * count UTF-8 bytes, while lines and columns are for people (1-based, columns in UTF-16
 * code units as editors and SARIF count them). The two differ after any non-ASCII character.
 */
export class SourceText {
  private readonly bytes: Buffer;
  /** Byte offset where each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly content: string) {
    this.bytes = Buffer.from(content, 'utf8');
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 10) this.lineStarts.push(i + 1);
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  /** 1-based line of a byte offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const start = this.lineStarts[line - 1]!;
    return { line, column: this.bytes.toString('utf8', start, offset).length + 1 };
  }

  /** The byte offset of a 1-based line and column (the inverse of `position`). */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1]!;
    const end = this.lineStarts[line] ?? this.bytes.length;
    const prefix = this.bytes.toString('utf8', start, end).slice(0, Math.max(0, column - 1));
    return start + Buffer.byteLength(prefix, 'utf8');
  }

  /** The text of a byte range. */
  slice(start: number, length: number): string {
    return this.bytes.toString('utf8', start, start + length);
  }
}
