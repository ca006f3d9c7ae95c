import {
  contract,
  policyOf,
  type ArgsOf,
  type Reauth,
  type ReauthReason,
  type ResultOf,
} from '../../shared/bridge';
import { OPERATION_NAMES, type OperationName } from '../../shared/bridge-channels';
import { LatchkeyError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';

/** The implementation of one contract operation; arguments arrive already validated. */
export type Handler<N extends OperationName> = (
  args: ArgsOf<N>,
) => Promise<ResultOf<N>> | ResultOf<N>;

/** One implementation per contract operation. */
export type Handlers = { readonly [N in OperationName]: Handler<N> };

/** The handlers of every operation named `<prefix>:…`: the type of one file in handlers/. */
export type HandlersFor<P extends string> = {
  readonly [N in OperationName as N extends `${P}:${string}` ? N : never]: Handler<N>;
};

/** What `dispatch` asks of the running services to enforce the contract's policies. */
export interface PolicyGate {
  isUnlocked(): boolean;
  /** Throws a LatchkeyError unless `proof` shows the user is present (see ReauthService). */
  verifyReauth(proof: Reauth, reason: ReauthReason): Promise<void>;
}

/** Everything `dispatch` needs: the handlers and the gate that enforces their policies. */
export interface Bridge {
  readonly handlers: Handlers;
  readonly gate: PolicyGate;
}

export type ErrorReporter = (operation: OperationName, error: unknown) => void;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}

/** The vault state the operation's contract entry needs, or the error that refuses it now. */
function stateRefusal(gate: PolicyGate, name: OperationName): LatchkeyError | null {
  const { vault } = policyOf(name);
  if (vault === 'unlocked' && !gate.isUnlocked()) return new LatchkeyError('vault.locked');
  if (vault === 'locked' && gate.isUnlocked()) return new LatchkeyError('vault.already-unlocked');
  return null;
}

/** Re-authentication, when the operation's contract entry states a reason for it. */
async function verifyReauthIfDeclared(gate: PolicyGate, name: OperationName, args: unknown) {
  const { reauth } = policyOf(name);
  // The compile-time check in bridge.ts guarantees these arguments carry `reauth`.
  if (reauth) await gate.verifyReauth((args as { reauth: Reauth }).reauth, reauth);
}

/**
 * The single path every request from the page takes, in the app (over IPC) and in the test
 * bridge. Before any handler runs it refuses, in this order: an unknown operation, the wrong
 * vault state, malformed arguments, missing or wrong re-authentication — the last three read
 * only from the operation's contract entry. Every outcome becomes a `Result`: a LatchkeyError
 * keeps its code and message, anything else becomes `bridge.internal` so no stack trace or
 * internal detail reaches the page.
 */
export async function dispatch(
  bridge: Bridge,
  name: unknown,
  args: unknown,
  reportError: ErrorReporter = () => {},
): Promise<Result<unknown>> {
  if (!isOperationName(name)) return fail(new LatchkeyError('bridge.unknown-operation').toInfo());
  const refusal = stateRefusal(bridge.gate, name);
  if (refusal) return fail(refusal.toInfo());
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
    await verifyReauthIfDeclared(bridge.gate, name, parsed.data);
    const handler = bridge.handlers[name] as (a: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof LatchkeyError) return fail(error.toInfo());
    reportError(name, error);
    return fail(new LatchkeyError('bridge.internal').toInfo());
  }
}
