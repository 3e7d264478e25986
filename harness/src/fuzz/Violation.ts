import type { FindingKind, SourceLocation } from '../report/types.js';

/** A check that failed after some call: becomes a finding the first time its id is seen. */
export interface Violation {
  id: string;
  kind: FindingKind;
  name: string;
  message: string;
  location?: SourceLocation;
}
