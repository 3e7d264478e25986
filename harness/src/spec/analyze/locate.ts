import type { Node } from 'ts-morph';
import type { ProvableIssue, SourceLocation, SpecProblem } from './SpecAnalysis.js';

export function locate(node: Node): SourceLocation {
  const sourceFile = node.getSourceFile();
  const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
  return { file: sourceFile.getFilePath(), line, column };
}

export function issueAt(node: Node, construct: string, detail?: string): ProvableIssue {
  const issue: ProvableIssue = { construct, ...locate(node), text: node.getText() };
  if (detail !== undefined) issue.detail = detail;
  return issue;
}

export function problemAt(node: Node, message: string): SpecProblem {
  return { message, ...locate(node) };
}
