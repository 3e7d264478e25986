import { Node, SyntaxKind } from 'ts-morph';

/**
 * What a library function's parameter is bound to at the call site in the spec.
 * Strings are usually contract keys (`erc20.supply('token')`); constants are literal
 * arithmetic the prover can inline (`capped('token', 10n ** 24n)`).
 */
export type ParamValue =
  | { kind: 'string'; value: string }
  /** `node` is evaluated in `env` (it may name other constant parameters): the prover inlines it. */
  | { kind: 'constant'; text: string; node: Node; env: ParamEnv }
  | { kind: 'unknown' };

export type ParamEnv = ReadonlyMap<string, ParamValue>;

export const emptyEnv: ParamEnv = new Map();

export function evaluateArgument(expression: Node, env: ParamEnv): ParamValue {
  const value = evaluateString(expression, env);
  if (value !== undefined) return { kind: 'string', value };
  if (isConstantExpression(expression, env)) return { kind: 'constant', text: expression.getText(), node: expression, env };
  return { kind: 'unknown' };
}

/** Folds string literals, templates and `+` over string parameters; undefined if not static. */
export function evaluateString(expression: Node, env: ParamEnv): string | undefined {
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) {
    return expression.getLiteralValue();
  }
  if (Node.isParenthesizedExpression(expression) || Node.isAsExpression(expression)) {
    return evaluateString(expression.getExpression(), env);
  }
  if (Node.isIdentifier(expression)) {
    const bound = env.get(expression.getText());
    return bound?.kind === 'string' ? bound.value : undefined;
  }
  if (Node.isTemplateExpression(expression)) {
    let text = expression.getHead().getLiteralText();
    for (const span of expression.getTemplateSpans()) {
      const part = evaluateString(span.getExpression(), env);
      if (part === undefined) return undefined;
      text += part + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = evaluateString(expression.getLeft(), env);
    const right = left === undefined ? undefined : evaluateString(expression.getRight(), env);
    return right === undefined ? undefined : left + right;
  }
  return undefined;
}

const constantOperators = new Set([
  SyntaxKind.PlusToken,
  SyntaxKind.MinusToken,
  SyntaxKind.AsteriskToken,
  SyntaxKind.SlashToken,
  SyntaxKind.PercentToken,
  SyntaxKind.AsteriskAsteriskToken,
]);

function isConstantExpression(expression: Node, env: ParamEnv): boolean {
  if (
    Node.isNumericLiteral(expression) ||
    Node.isBigIntLiteral(expression) ||
    Node.isTrueLiteral(expression) ||
    Node.isFalseLiteral(expression)
  ) {
    return true;
  }
  if (Node.isParenthesizedExpression(expression) || Node.isAsExpression(expression)) {
    return isConstantExpression(expression.getExpression(), env);
  }
  if (Node.isPrefixUnaryExpression(expression)) {
    return expression.getOperatorToken() === SyntaxKind.MinusToken && isConstantExpression(expression.getOperand(), env);
  }
  if (Node.isBinaryExpression(expression)) {
    return (
      constantOperators.has(expression.getOperatorToken().getKind()) &&
      isConstantExpression(expression.getLeft(), env) &&
      isConstantExpression(expression.getRight(), env)
    );
  }
  if (Node.isIdentifier(expression)) return env.get(expression.getText())?.kind === 'constant';
  return false;
}
