export { analyzeSpecFile } from './analyzeSpecFile.js';
export type { AnalyzedCheck, CheckFunction, ProvableIssue, SourceLocation, SpecAnalysis, SpecProblem } from './analyzeSpecFile.js';
export { formatAnalysis } from './formatAnalysis.js';
export { createAnalysisProject } from './createAnalysisProject.js';
export { constructs, type Construct } from './constructs.js';
