import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../src/shared/bridge-channels';
import { contract } from '../../../src/shared/bridge';
import { LatchkeyError } from '../../../src/shared/errors';
import { dispatch, type Bridge, type Handlers } from '../../../src/node/ipc/dispatch';
import { createHandlers } from '../../../src/node/ipc/handlers';
import { createServices } from '../../../src/node/services/container';

/** Stand-in handlers behind a gate that lets everything through (policies: dispatch-policy.test.ts). */
function handlersWith(
  overrides: Partial<Record<keyof Handlers, (args: unknown) => unknown>>,
): Bridge {
  const base = Object.fromEntries(OPERATION_NAMES.map((n) => [n, vi.fn(() => 'ran')]));
  return {
    handlers: { ...base, ...overrides } as unknown as Handlers,
    gate: { isUnlocked: () => true, verifyReauth: async () => {} },
  };
}

describe('dispatch: the one path from the page to a handler', () => {
  it('every contract operation has a handler in the app', () => {
    const services = createServices({
      clipboard: { writeText: async () => {}, readText: async () => '' },
      events: { emit: () => {} },
      appVersion: '1',
      dataDir: '/nonexistent/latchkey-dispatch-test',
      keychain: null,
    });
    expect(Object.keys(createHandlers(services)).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.keys(contract).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('refuses an unknown operation without running anything', async () => {
    const handlers = handlersWith({});
    const result = await dispatch(handlers, 'vault:export-everything', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'bridge.unknown-operation', message: expect.any(String) },
    });
    expect(await dispatch(handlers, 42, {})).toMatchObject({
      ok: false,
      error: { code: 'bridge.unknown-operation' },
    });
  });

  it.each([
    ['accounts:add-uri', { uri: 7 }],
    ['accounts:add-uri', {}],
    ['accounts:add-uri', null],
    ['accounts:add-uri', { uri: 'x'.repeat(100_000) }],
    ['accounts:remove', { id: '' }],
    ['codes:list', { sneaky: true }],
    ['accounts:add-manual', { issuer: 'a', name: 'b', secret: 'JBSWY3DPEHPK3PXP', digits: 6.5 }],
  ])('refuses %s with malformed arguments %j before the handler runs', async (name, args) => {
    const handler = vi.fn();
    const result = await dispatch(handlersWith({ [name]: handler }), name, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'bridge.invalid-arguments' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('names the bad field but never echoes the value', async () => {
    const result = await dispatch(handlersWith({}), 'accounts:add-manual', {
      issuer: 'a',
      name: 'b',
      secret: 12345,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toMatchObject({ fields: 'secret' });
    expect(JSON.stringify(result)).not.toContain('12345');
  });

  it('passes validated arguments and returns the value', async () => {
    const handler = vi.fn((args: unknown) => ({ echoed: args }));
    const result = await dispatch(handlersWith({ 'accounts:remove': handler }), 'accounts:remove', {
      id: 'abc',
    });
    expect(result).toEqual({ ok: true, value: { echoed: { id: 'abc' } } });
  });

  it('a LatchkeyError keeps its code and message', async () => {
    const result = await dispatch(
      handlersWith({
        'codes:next-hotp': () => {
          throw new LatchkeyError('accounts.not-hotp');
        },
      }),
      'codes:next-hotp',
      { id: 'x' },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'accounts.not-hotp',
        message: 'Only counter-based (HOTP) accounts have a “next code”.',
      },
    });
  });

  it('any other exception becomes bridge.internal with no message, path or stack from inside', async () => {
    const report = vi.fn();
    const result = await dispatch(
      handlersWith({
        'codes:list': async () => {
          throw new TypeError('cannot read /home/alice/.config/latchkey/vault.json');
        },
      }),
      'codes:list',
      {},
      report,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'bridge.internal', message: expect.any(String) },
    });
    expect(JSON.stringify(result)).not.toMatch(/alice|vault\.json|TypeError|at /);
    expect(report).toHaveBeenCalledWith('codes:list', expect.any(TypeError));
  });
});
