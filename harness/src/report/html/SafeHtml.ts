/**
 * Markup that is already escaped or written by the renderer itself. Only the `html` tag and the
 * renderer's own constants create one, so a report string can never reach the page unescaped.
 */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}
