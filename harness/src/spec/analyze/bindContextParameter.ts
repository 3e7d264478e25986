import { Node, type BindingElement, type ParameterDeclaration } from 'ts-morph';
import { roleForContextName, type Binding } from './Binding.js';
import { boundNames } from './boundNames.js';
import { constructs } from './constructs.js';
import { report, type PureWalk } from './PureWalk.js';

/**
 * Binds the names a check takes from its context: `({ token, holders, call })`,
 * `({ [key]: t })` in a library, or a whole `ctx` object. Renaming is fine; defaults,
 * rest and nested patterns would need the translator to model JS destructuring, so
 * they are reported.
 */
export function bindContextParameter(parameter: ParameterDeclaration, walk: PureWalk): Map<string, Binding> {
  const bound = new Map<string, Binding>();
  const nameNode = parameter.getNameNode();
  if (parameter.isRestParameter() || parameter.hasInitializer()) {
    report(walk, parameter, constructs.restOrDefaultParameter);
    for (const name of boundNames(nameNode)) bound.set(name, { role: 'value' });
    return bound;
  }
  if (Node.isIdentifier(nameNode)) return bound.set(nameNode.getText(), { role: 'context' });
  if (Node.isArrayBindingPattern(nameNode)) {
    report(walk, nameNode, constructs.arrayDestructuring);
    for (const name of boundNames(nameNode)) bound.set(name, { role: 'value' });
    return bound;
  }
  const { contractKeys, contractKeysComplete } = walk.options;
  for (const element of nameNode.getElements()) {
    const local = element.getNameNode();
    const problem = elementProblem(element);
    const key = Node.isIdentifier(local) ? contextKey(element.getPropertyNameNode(), local.getText(), walk) : undefined;
    if (problem !== undefined || key === undefined) {
      report(walk, element, problem ?? constructs.unknownContext);
      // Already reported: later uses of these names are not news.
      for (const name of boundNames(local)) bound.set(name, { role: 'value' });
      continue;
    }
    bound.set(local.getText(), roleForContextName(key, contractKeys, contractKeysComplete));
  }
  return bound;
}

function elementProblem(element: BindingElement): string | undefined {
  if (element.getDotDotDotToken()) return constructs.restInDestructuring;
  if (element.hasInitializer()) return constructs.defaultValue;
  if (!Node.isIdentifier(element.getNameNode())) return constructs.nestedDestructuring;
  return undefined;
}

/** The context member an element reads: its property name, or the local name when not renamed. */
function contextKey(propertyName: Node | undefined, local: string, walk: PureWalk): string | undefined {
  if (!propertyName) return local;
  if (Node.isIdentifier(propertyName)) return propertyName.getText();
  if (Node.isStringLiteral(propertyName) || Node.isNoSubstitutionTemplateLiteral(propertyName)) {
    return propertyName.getLiteralValue();
  }
  if (Node.isComputedPropertyName(propertyName)) {
    const expression = propertyName.getExpression();
    if (Node.isStringLiteral(expression)) return expression.getLiteralValue();
    const binding = Node.isIdentifier(expression) ? walk.scope.get(expression.getText()) : undefined;
    return binding?.role === 'contractKey' ? binding.contract : undefined;
  }
  return undefined;
}
