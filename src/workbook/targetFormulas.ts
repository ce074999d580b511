/**
 * Derived targets as Excel formulas (scoring.md §5): the expression tree the domain evaluated
 * (src/domain/targetExpression.ts) written over the cells that hold its inputs (the settings sheet's inputs block,
 * settings.ts) and the row's other target cells, so the sheet shows the derivation and computes what the domain
 * computes. ROUND is Excel's own; every sub-expression is parenthesised, so precedence never depends on the engine.
 */
import type { ExpressionNode, LeafIndicator } from '../domain';

export interface TargetFormulaRefs {
  /** The cell of one of the indicator's inputs, qualified with its sheet ('ตั้งค่า'!$B$14). */
  readonly input: (name: string) => string;
  /** This row's cell of target k (relative, so the formula follows the row when the table is sorted). */
  readonly target: (level: number) => string;
}

export function expressionFormula(node: ExpressionNode, refs: TargetFormulaRefs): string {
  const inner = (n: ExpressionNode): string => {
    const f = expressionFormula(n, refs);
    return n.kind === 'binary' || n.kind === 'negate' ? `(${f})` : f;
  };
  switch (node.kind) {
    case 'number':
      return numberLiteral(node.value);
    case 'input':
      return refs.input(node.name);
    case 'target':
      return refs.target(node.level);
    case 'negate':
      return `-${inner(node.operand)}`;
    case 'binary':
      return `${inner(node.left)}${node.op}${inner(node.right)}`;
    case 'round':
      return `ROUND(${expressionFormula(node.value, refs)},${expressionFormula(node.digits, refs)})`;
  }
}

/** A number as a formula literal: shortest round-trip digits, E notation upper-case as Excel writes it. */
function numberLiteral(value: number): string {
  return String(value).toUpperCase().replace('E+', 'E');
}

/** What a target cell holds: the formula of its derivation, or the number (also for an expression that is only a number). */
export function targetCellFormula(indicator: LeafIndicator, level: number, refs: TargetFormulaRefs): string | undefined {
  const node = indicator.targetExpressions?.[level - 1];
  if (!node || node.kind === 'number') return undefined;
  return expressionFormula(node, refs);
}
