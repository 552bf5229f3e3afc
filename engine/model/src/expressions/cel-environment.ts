import { Environment } from '@marcbachmann/cel-js';

// The expression language is CEL (@marcbachmann/cel-js): no eval or Function, no host-object
// access (a field exists only if it is an own key of a map), not Turing complete, the same
// results in Node and the browser. Limits keep a hostile expression small.
export const EXPRESSION_LIMITS = {
  maxLength: 2000,
  maxAstNodes: 500,
  maxDepth: 32,
  maxListElements: 200,
  maxMapEntries: 200,
  maxCallArguments: 16,
};

/** The variables an expression sees. */
export const SCOPE_VARIABLES = ['data', 'event', 'params', 'now', 'actor', 'item'] as const;

type Arithmetic = '+' | '-' | '*' | '/';
const ARITHMETIC: readonly Arithmetic[] = ['+', '-', '*', '/'];

function compute(operator: Arithmetic, left: number, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
  }
}

function toNumber(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
}

/**
 * JSON numbers arrive as CEL doubles while literals such as 60 are CEL ints; plain CEL refuses
 * `params.respondMinutes * 60`. Form authors should not have to write 60.0, so mixed
 * int/double arithmetic is defined (as double) in every environment, lint's and runtime's alike.
 */
export function createBaseEnvironment(): Environment {
  const { maxLength: _ignored, ...limits } = EXPRESSION_LIMITS;
  const environment = new Environment({ limits, homogeneousAggregateLiterals: false });
  for (const operator of ARITHMETIC) {
    environment.registerOperator(`double ${operator} int`, (left: unknown, right: unknown) =>
      compute(operator, toNumber(left), toNumber(right)),
    );
    environment.registerOperator(`int ${operator} double`, (left: unknown, right: unknown) =>
      compute(operator, toNumber(left), toNumber(right)),
    );
  }
  return environment;
}

let runtime: Environment | undefined;

/** The environment that evaluates: variables are untyped maps, checked at lint time instead. */
export function runtimeEnvironment(): Environment {
  if (runtime === undefined) {
    const environment = createBaseEnvironment();
    environment.registerVariable('data', 'map');
    environment.registerVariable('event', 'map');
    environment.registerVariable('params', 'map');
    environment.registerVariable('now', 'double');
    environment.registerVariable('actor', 'map');
    environment.registerVariable('item', 'dyn');
    runtime = environment;
  }
  return runtime;
}
