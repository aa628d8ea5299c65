// The expression language of rules: parse, check, print and evaluate.
export type {
  ArithmeticOperator,
  BinaryOperator,
  ComparisonOperator,
  Expr,
  UnaryOperator,
} from './ast';
export { withoutPositions } from './ast';
export { ExpressionError, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './errors';
export type { SourcePosition } from './errors';
export { compileExpression, evaluateExpression } from './evaluator';
export type { EvaluationContext, Value } from './evaluator';
export { FUNCTION_NAMES, WINDOW_FUNCTIONS, isWindowFunction } from './functions';
export type { WindowFunction } from './functions';
export { parseExpression } from './parser';
export { printExpression } from './printer';
export { tokenize } from './tokenizer';
export type { Token } from './tokenizer';
export { checkExpression, checkTree } from './type-checker';
export type { CheckedExpression, ExpressionType, WindowUse } from './type-checker';
