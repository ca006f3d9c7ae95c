import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/node/shell/sender';

const trusted = ['app://latchkey'];

describe('which frames may use the bridge', () => {
  it.each([
    [{ url: 'app://latchkey/index.html', isTopFrame: true }, true],
    [{ url: 'app://latchkey/', isTopFrame: true }, true],
    [{ url: 'app://latchkey/index.html', isTopFrame: false }, false],
    [{ url: 'app://evil/index.html', isTopFrame: true }, false],
    [{ url: 'https://latchkey/index.html', isTopFrame: true }, false],
    [{ url: 'file:///work/out/renderer/index.html', isTopFrame: true }, false],
    [{ url: 'app://latchkey.evil.com/index.html', isTopFrame: true }, false],
    [{ url: 'not a url', isTopFrame: true }, false],
    [null, false],
  ])('%j → %s', (frame, expected) => {
    expect(isTrustedSender(frame, trusted)).toBe(expected);
  });

  it('accepts the dev server only when it is listed', () => {
    const frame = { url: 'http://localhost:5173/', isTopFrame: true };
    expect(isTrustedSender(frame, trusted)).toBe(false);
    expect(isTrustedSender(frame, [...trusted, 'http://localhost:5173'])).toBe(true);
  });
});
