import { Node, type SourceFile } from 'ts-morph';

/** What a top-level name of a file stands for, read from syntax alone (no type checker). */
export type ModuleBinding =
  | { kind: 'import'; moduleSpecifier: string; /** 'default', '*' or the exported name */ imported: string }
  | { kind: 'local'; declaration: Node };

export function collectModuleBindings(sourceFile: SourceFile): ReadonlyMap<string, ModuleBinding> {
  const bindings = new Map<string, ModuleBinding>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    // Type-only imports have no runtime value a check could use.
    if (declaration.isTypeOnly()) continue;
    const moduleSpecifier = declaration.getModuleSpecifierValue();
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) bindings.set(defaultImport.getText(), { kind: 'import', moduleSpecifier, imported: 'default' });
    const namespaceImport = declaration.getNamespaceImport();
    if (namespaceImport) bindings.set(namespaceImport.getText(), { kind: 'import', moduleSpecifier, imported: '*' });
    for (const specifier of declaration.getNamedImports()) {
      if (specifier.isTypeOnly()) continue;
      const local = specifier.getAliasNode()?.getText() ?? specifier.getName();
      bindings.set(local, { kind: 'import', moduleSpecifier, imported: specifier.getName() });
    }
  }
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        const nameNode = declaration.getNameNode();
        if (Node.isIdentifier(nameNode)) {
          bindings.set(nameNode.getText(), { kind: 'local', declaration });
          continue;
        }
        for (const element of nameNode.getDescendants().filter(Node.isBindingElement)) {
          const name = element.getNameNode();
          if (Node.isIdentifier(name)) bindings.set(name.getText(), { kind: 'local', declaration: element });
        }
      }
    } else if (
      Node.isFunctionDeclaration(statement) ||
      Node.isClassDeclaration(statement) ||
      Node.isEnumDeclaration(statement)
    ) {
      const name = statement.getName();
      if (name !== undefined) bindings.set(name, { kind: 'local', declaration: statement });
    }
  }
  return bindings;
}
