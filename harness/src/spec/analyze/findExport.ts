import { Node, type ExportDeclaration, type SourceFile } from 'ts-morph';
import type { AnalysisSession } from './AnalysisSession.js';

/**
 * Finds the declaration a module exports under `name`, following `export { a as b }`,
 * `export { x } from` and `export * from`. Read from syntax only: the type checker
 * would need lib files and module resolution, which is what makes analysis slow.
 * Returns the VariableDeclaration, FunctionDeclaration or default-exported expression,
 * or a SourceFile for a re-exported namespace.
 */
export function findExport(
  sourceFile: SourceFile,
  name: string,
  session: AnalysisSession,
  visited: ReadonlySet<SourceFile> = new Set(),
): Node | undefined {
  if (visited.has(sourceFile)) return undefined;
  const seen = new Set(visited).add(sourceFile);
  for (const statement of sourceFile.getStatements()) {
    const found = exportedBy(statement, name, session, seen);
    if (found) return found;
  }
  return undefined;
}

function exportedBy(
  statement: Node,
  name: string,
  session: AnalysisSession,
  visited: ReadonlySet<SourceFile>,
): Node | undefined {
  if (Node.isExportAssignment(statement)) {
    return name === 'default' && !statement.isExportEquals() ? statement.getExpression() : undefined;
  }
  if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
    if (!statement.hasExportKeyword()) return undefined;
    const exportedAs = statement.hasDefaultKeyword() ? 'default' : statement.getName();
    return exportedAs === name ? statement : undefined;
  }
  if (Node.isVariableStatement(statement)) {
    if (!statement.hasExportKeyword()) return undefined;
    return statement.getDeclarations().find((d) => d.getName() === name);
  }
  if (Node.isExportDeclaration(statement)) return reExported(statement, name, session, visited);
  return undefined;
}

function reExported(
  declaration: ExportDeclaration,
  name: string,
  session: AnalysisSession,
  visited: ReadonlySet<SourceFile>,
): Node | undefined {
  if (declaration.isTypeOnly()) return undefined;
  const specifier = declaration.getModuleSpecifierValue();
  const from = declaration.getSourceFile();
  const target = specifier === undefined ? undefined : session.openImport(from, specifier);
  const namespaceExport = declaration.getNamespaceExport();
  if (namespaceExport) return namespaceExport.getName() === name ? target : undefined;
  const named = declaration.getNamedExports();
  if (named.length === 0) {
    return target && name !== 'default' ? findExport(target, name, session, visited) : undefined;
  }
  const match = named.find((e) => (e.getAliasNode()?.getText() ?? e.getName()) === name);
  if (!match) return undefined;
  if (target) return findExport(target, match.getName(), session, visited);
  if (specifier !== undefined) return undefined;
  return localDeclaration(from, match.getName(), session, visited);
}

/** `export { x }` without `from`: x is a local declaration or an import of this file. */
function localDeclaration(
  sourceFile: SourceFile,
  local: string,
  session: AnalysisSession,
  visited: ReadonlySet<SourceFile>,
): Node | undefined {
  const binding = session.bindingsOf(sourceFile).get(local);
  if (!binding) return undefined;
  if (binding.kind === 'local') return binding.declaration;
  const target = session.openImport(sourceFile, binding.moduleSpecifier);
  if (!target) return undefined;
  return binding.imported === '*' ? target : findExport(target, binding.imported, session, visited);
}
