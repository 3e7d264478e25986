import { dirname, resolve } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';

/**
 * For a spec written as `export default variantOf(base, {...})`, with `base` the default
 * import of another spec file, that file's path: the variant's checks are the base's.
 */
export function findVariantBase(sourceFile: SourceFile): string | undefined {
  const exported = sourceFile.getExportAssignment((e) => !e.isExportEquals())?.getExpression();
  if (!Node.isCallExpression(exported) || exported.getExpression().getText() !== 'variantOf') return undefined;
  const base = exported.getArguments()[0];
  if (!Node.isIdentifier(base)) return undefined;
  const declaration = sourceFile.getImportDeclarations().find((d) => d.getDefaultImport()?.getText() === base.getText());
  const specifier = declaration?.getModuleSpecifierValue();
  if (specifier === undefined || !specifier.startsWith('.')) return undefined;
  return resolve(dirname(sourceFile.getFilePath()), specifier.replace(/\.js$/, '.ts'));
}
