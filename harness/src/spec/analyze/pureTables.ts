import { SyntaxKind } from 'ts-morph';
import { constructs } from './constructs.js';

/** Arithmetic, comparison and logic: each has a direct SMT counterpart. */
export const allowedBinaryOperators: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.PlusToken,
  SyntaxKind.MinusToken,
  SyntaxKind.AsteriskToken,
  SyntaxKind.SlashToken,
  SyntaxKind.PercentToken,
  SyntaxKind.AsteriskAsteriskToken,
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.LessThanToken,
  SyntaxKind.LessThanEqualsToken,
  SyntaxKind.GreaterThanToken,
  SyntaxKind.GreaterThanEqualsToken,
  SyntaxKind.AmpersandAmpersandToken,
  SyntaxKind.BarBarToken,
]);

export function binaryOperatorConstruct(operator: SyntaxKind): string {
  if (operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment) return constructs.assignment;
  return outsideBinaryOperators[operator] ?? constructs.bitwise;
}

const outsideBinaryOperators: Partial<Record<SyntaxKind, string>> = {
  [SyntaxKind.QuestionQuestionToken]: constructs.nullishCoalescing,
  [SyntaxKind.InKeyword]: constructs.inOperator,
  [SyntaxKind.InstanceOfKeyword]: constructs.instanceofOperator,
  [SyntaxKind.CommaToken]: constructs.commaOperator,
};

/** Prefix operators: undefined means allowed (`!x`, `-x`). */
export const prefixOperatorConstructs: Readonly<Partial<Record<SyntaxKind, string>>> = {
  [SyntaxKind.PlusToken]: constructs.unaryPlus,
  [SyntaxKind.TildeToken]: constructs.bitwise,
  [SyntaxKind.PlusPlusToken]: constructs.increment,
  [SyntaxKind.MinusMinusToken]: constructs.increment,
};

/** Without types the receiver's kind is unknown; these names are what specs use on arrays. */
export const arrayMethods: ReadonlySet<string> = new Set([
  'map', 'reduce', 'reduceRight', 'filter', 'forEach', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'includes', 'indexOf', 'lastIndexOf', 'slice', 'splice', 'concat', 'join', 'flat',
  'flatMap', 'sort', 'reverse', 'push', 'pop', 'shift', 'unshift', 'fill', 'keys', 'values', 'entries', 'at',
]);

export const stringMethods: ReadonlySet<string> = new Set([
  'toString', 'toLowerCase', 'toUpperCase', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'trim',
  'trimStart', 'trimEnd', 'split', 'replace', 'replaceAll', 'charAt', 'charCodeAt', 'codePointAt',
  'localeCompare', 'substring', 'substr', 'match', 'matchAll', 'search', 'repeat', 'normalize', 'toLocaleString',
]);

/** Expression kinds that are always outside, by the name users know them by. */
export const outsideExpressionConstructs: Readonly<Partial<Record<SyntaxKind, string>>> = {
  [SyntaxKind.StringLiteral]: constructs.stringLiteral,
  [SyntaxKind.NoSubstitutionTemplateLiteral]: constructs.templateLiteral,
  [SyntaxKind.TemplateExpression]: constructs.templateLiteral,
  [SyntaxKind.TaggedTemplateExpression]: constructs.templateLiteral,
  [SyntaxKind.NewExpression]: constructs.newExpression,
  [SyntaxKind.SpreadElement]: constructs.spread,
  [SyntaxKind.ArrayLiteralExpression]: constructs.arrayLiteral,
  [SyntaxKind.ObjectLiteralExpression]: constructs.objectLiteral,
  [SyntaxKind.ArrowFunction]: constructs.functionExpression,
  [SyntaxKind.FunctionExpression]: constructs.functionExpression,
  [SyntaxKind.TypeOfExpression]: constructs.typeofOperator,
  [SyntaxKind.DeleteExpression]: constructs.deleteOperator,
  [SyntaxKind.VoidExpression]: constructs.voidOperator,
  [SyntaxKind.NullKeyword]: constructs.nullLiteral,
  [SyntaxKind.ThisKeyword]: constructs.thisKeyword,
  [SyntaxKind.RegularExpressionLiteral]: constructs.regularExpression,
  [SyntaxKind.YieldExpression]: constructs.yieldExpression,
  [SyntaxKind.ClassExpression]: constructs.classExpression,
  [SyntaxKind.PostfixUnaryExpression]: constructs.increment,
};

/** Statements allowed in a block body are only `const` and the final `return`; the rest by name. */
export const outsideStatementConstructs: Readonly<Partial<Record<SyntaxKind, string>>> = {
  [SyntaxKind.ForStatement]: constructs.loop,
  [SyntaxKind.ForOfStatement]: constructs.loop,
  [SyntaxKind.ForInStatement]: constructs.loop,
  [SyntaxKind.WhileStatement]: constructs.loop,
  [SyntaxKind.DoStatement]: constructs.loop,
  [SyntaxKind.IfStatement]: constructs.ifStatement,
  [SyntaxKind.SwitchStatement]: constructs.switchStatement,
  [SyntaxKind.TryStatement]: constructs.tryCatch,
  [SyntaxKind.ThrowStatement]: constructs.throwStatement,
  [SyntaxKind.Block]: constructs.nestedBlock,
  [SyntaxKind.FunctionDeclaration]: constructs.functionDeclaration,
  [SyntaxKind.ClassDeclaration]: constructs.classDeclaration,
  [SyntaxKind.LabeledStatement]: constructs.labeledStatement,
};
