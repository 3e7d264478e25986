import { ts, type Project, type SourceFile } from 'ts-morph';
import type { SpecProblem } from './SpecAnalysis.js';

/**
 * Parse errors of the given files. Only syntactic diagnostics: the semantic ones need
 * the type checker, which costs seconds and belongs to `tsc`, not to this analysis.
 */
export function syntaxProblems(project: Project, sourceFiles: readonly SourceFile[]): SpecProblem[] {
  if (sourceFiles.length === 0) return [];
  const program = project.getProgram().compilerObject;
  const problems: SpecProblem[] = [];
  for (const sourceFile of sourceFiles) {
    for (const diagnostic of program.getSyntacticDiagnostics(sourceFile.compilerNode)) {
      const { line, column } = sourceFile.getLineAndColumnAtPos(diagnostic.start ?? 0);
      problems.push({
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        file: sourceFile.getFilePath(),
        line,
        column,
      });
    }
  }
  return problems;
}
