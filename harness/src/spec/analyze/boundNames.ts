import { Node } from 'ts-morph';

/**
 * Every name a binding target introduces. Used to bind the names of a reported pattern
 * as plain values, so later uses are not reported a second time as unknown.
 */
export function boundNames(target: Node): string[] {
  if (Node.isIdentifier(target)) return [target.getText()];
  return target
    .getDescendants()
    .filter(Node.isBindingElement)
    .map((element) => element.getNameNode())
    .filter(Node.isIdentifier)
    .map((id) => id.getText());
}
