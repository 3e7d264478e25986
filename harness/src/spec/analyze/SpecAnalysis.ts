/** A position in a source file; line and column are 1-based, paths absolute. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One construct that keeps a check out of the subset the prover can translate. */
export interface ProvableIssue extends SourceLocation {
  construct: string;
  text: string;
  /** Why a library check could not be followed, when that is the issue. */
  detail?: string;
}

export interface AnalyzedCheck extends SourceLocation {
  kind: 'invariant' | 'property';
  name: string;
  provable: boolean;
  outside: ProvableIssue[];
  /** for properties */
  on?: string;
  /** Source text of the analysed function (the inner arrow when it came from a library). */
  source: string;
  /** Where the analysed function is written: differs from the check's location for library checks. */
  definedAt?: SourceLocation;
}

export interface SpecProblem extends SourceLocation {
  message: string;
}

export interface SpecAnalysis {
  file: string;
  specName?: string;
  checks: AnalyzedCheck[];
  contractKeys: string[];
  problems: SpecProblem[];
}
