import { Node, SyntaxKind, type CallExpression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { ModuleBinding } from './collectModuleBindings.js';

export interface DefineSpecLookup {
  /** The `defineSpec(...)` call; undefined when the default export is a bare object literal. */
  call?: CallExpression;
  /** The spec object literal passed to defineSpec. */
  spec?: ObjectLiteralExpression;
  /** Why the lookup fell short; set together with a best-effort `call`/`spec` when there is one. */
  problem?: { message: string; node: Node };
}

/** Specs rarely alias their way to the spec object more than a couple of times. */
const maxAliasDepth = 8;

/**
 * Finds the spec object of a spec file: `export default defineSpec({...})`,
 * `const spec = defineSpec({...}); export default spec`, or `export { spec as default }`.
 * Falls back to any defineSpec call in the file so a missing default export still gets
 * analysed, with a problem explaining what the runtime will reject.
 */
export function findDefineSpecCall(
  sourceFile: SourceFile,
  bindings: ReadonlyMap<string, ModuleBinding>,
): DefineSpecLookup {
  const exported = defaultExportExpression(sourceFile, bindings);
  const found = exported && specFrom(exported, bindings, 0);
  if (found?.spec) return found;
  if (found?.call) return { ...found, problem: { message: 'the argument of defineSpec is not an object literal', node: found.call } };

  const anyCall = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => isDefineSpecCall(c, bindings));
  const message = exported
    ? 'the default export is not a defineSpec({ ... }) call'
    : 'the file has no default export; end it with `export default defineSpec({ ... })`';
  if (!anyCall) return { problem: { message, node: exported ?? sourceFile } };
  const spec = objectArgument(anyCall, bindings);
  return { call: anyCall, ...(spec ? { spec } : {}), problem: { message, node: exported ?? anyCall } };
}

function defaultExportExpression(sourceFile: SourceFile, bindings: ReadonlyMap<string, ModuleBinding>): Node | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (Node.isExportAssignment(statement) && !statement.isExportEquals()) return statement.getExpression();
    if (Node.isExportDeclaration(statement) && !statement.hasModuleSpecifier()) {
      const named = statement.getNamedExports().find((e) => e.getAliasNode()?.getText() === 'default');
      const binding = named && bindings.get(named.getName());
      if (binding?.kind === 'local') return binding.declaration;
    }
  }
  return undefined;
}

function specFrom(
  node: Node,
  bindings: ReadonlyMap<string, ModuleBinding>,
  depth: number,
): DefineSpecLookup | undefined {
  if (depth > maxAliasDepth) return undefined;
  const expression = unwrap(node);
  if (Node.isObjectLiteralExpression(expression)) return { spec: expression };
  if (Node.isCallExpression(expression) && isDefineSpecCall(expression, bindings)) {
    const spec = objectArgument(expression, bindings);
    return spec ? { call: expression, spec } : { call: expression };
  }
  const declaration = aliasedDeclaration(expression, bindings);
  const initializer = declaration?.getInitializer();
  return initializer ? specFrom(initializer, bindings, depth + 1) : undefined;
}

function objectArgument(call: CallExpression, bindings: ReadonlyMap<string, ModuleBinding>) {
  const first = call.getArguments()[0];
  return first ? objectLiteralThrough(first, bindings, 0) : undefined;
}

/** `defineSpec(base)` with `const base = {...}` in the same file still has a readable spec. */
function objectLiteralThrough(
  node: Node,
  bindings: ReadonlyMap<string, ModuleBinding>,
  depth: number,
): ObjectLiteralExpression | undefined {
  if (depth > maxAliasDepth) return undefined;
  const expression = unwrap(node);
  if (Node.isObjectLiteralExpression(expression)) return expression;
  const initializer = aliasedDeclaration(expression, bindings)?.getInitializer();
  return initializer ? objectLiteralThrough(initializer, bindings, depth + 1) : undefined;
}

function aliasedDeclaration(node: Node, bindings: ReadonlyMap<string, ModuleBinding>) {
  if (Node.isVariableDeclaration(node)) return node;
  if (!Node.isIdentifier(node)) return undefined;
  const binding = bindings.get(node.getText());
  return binding?.kind === 'local' && Node.isVariableDeclaration(binding.declaration) ? binding.declaration : undefined;
}

function isDefineSpecCall(call: CallExpression, bindings: ReadonlyMap<string, ModuleBinding>): boolean {
  const callee = unwrap(call.getExpression());
  if (Node.isPropertyAccessExpression(callee)) return callee.getName() === 'defineSpec';
  if (!Node.isIdentifier(callee)) return false;
  const binding = bindings.get(callee.getText());
  if (binding?.kind === 'import') return binding.imported === 'defineSpec';
  return callee.getText() === 'defineSpec';
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isNonNullExpression(current)
  ) {
    current = current.getExpression();
  }
  return current;
}
