import { PRECEDENCE, precedenceOf, type Expr } from './ast';

/**
 * Prints a tree as source text that parses back to the same tree: parentheses only where
 * precedence needs them. Used to show a normalised expression in the rule editor and to
 * test the parser (print, parse again, compare).
 */
export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'duration':
      return `${String(expr.amount)}${expr.unit}`;
    case 'input':
      return expr.name;
    case 'call':
      return `${expr.name}(${expr.args.map(printExpression).join(', ')})`;
    case 'unary': {
      const own = precedenceOf(expr);
      const operand = wrap(expr.operand, precedenceOf(expr.operand) < own);
      return expr.op === 'not' ? `not ${operand}` : `-${operand}`;
    }
    case 'binary': {
      const own = precedenceOf(expr);
      // Operators are left-associative, so a right operand of the same strength needs
      // parentheses; comparisons do not chain, so they need them on both sides.
      const nonAssociative = own === PRECEDENCE.comparison;
      const leftPrecedence = precedenceOf(expr.left);
      const left = wrap(
        expr.left,
        leftPrecedence < own || (nonAssociative && leftPrecedence === own),
      );
      const right = wrap(expr.right, precedenceOf(expr.right) <= own);
      return `${left} ${expr.op} ${right}`;
    }
  }
}

function wrap(expr: Expr, needed: boolean): string {
  const text = printExpression(expr);
  return needed ? `(${text})` : text;
}
