import { contract, type ArgsOf, type ResultOf } from '../../shared/bridge';
import { OPERATION_NAMES, type OperationName } from '../../shared/bridge-channels';
import { LatchkeyError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';

/** One implementation per contract operation; arguments arrive already validated. */
export type Handlers = {
  readonly [N in OperationName]: (args: ArgsOf<N>) => Promise<ResultOf<N>> | ResultOf<N>;
};

export type ErrorReporter = (operation: OperationName, error: unknown) => void;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}

/**
 * The single path every request from the page takes, in the app (over IPC) and in the test
 * bridge: unknown operations and malformed arguments are refused before any handler runs,
 * and every outcome becomes a `Result` — a LatchkeyError keeps its code and message, anything
 * else becomes `bridge.internal` so no stack trace or internal detail reaches the page.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  args: unknown,
  reportError: ErrorReporter = () => {},
): Promise<Result<unknown>> {
  if (!isOperationName(name)) return fail(new LatchkeyError('bridge.unknown-operation').toInfo());
  const parsed = contract[name].args.safeParse(args);
  if (!parsed.success) {
    // Name the offending fields, never echo the values (they may be secrets).
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(arguments)');
    return fail(
      new LatchkeyError('bridge.invalid-arguments', {
        details: { operation: name, fields: [...new Set(fields)].join(', ') },
      }).toInfo(),
    );
  }
  try {
    const handler = handlers[name] as (a: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof LatchkeyError) return fail(error.toInfo());
    reportError(name, error);
    return fail(new LatchkeyError('bridge.internal').toInfo());
  }
}
