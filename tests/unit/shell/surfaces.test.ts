import { describe, expect, it } from 'vitest';
import { contract, policyOf } from '../../../src/shared/bridge';
import { OPERATION_NAMES } from '../../../src/shared/bridge-channels';
import { PICKER_OPERATIONS, SURFACES, surfaceForPath } from '../../../src/shared/bridge-surfaces';
import { refusal } from '../../../src/node/shell/sender';

const app = ['app://latchkey'];
const top = (url: string) => ({ url, isTopFrame: true });

describe('what each window may ask of main', () => {
  it('the main window: every operation', () => {
    for (const name of OPERATION_NAMES)
      expect(refusal(top('app://latchkey/index.html'), 'main', name, app)).toBeNull();
  });

  it('the picker: only its own operations; anything else is refused before dispatch', () => {
    const frame = top('app://latchkey/picker.html');
    for (const name of OPERATION_NAMES) {
      const expected = (PICKER_OPERATIONS as readonly string[]).includes(name)
        ? null
        : 'bridge.not-allowed';
      expect(refusal(frame, 'picker', name, app), name).toBe(expected);
    }
    expect(refusal(frame, 'picker', 'backup:kit-data', app)).toBe('bridge.not-allowed');
  });

  it('no operation that releases secrets or weakens protection is granted to the picker', () => {
    for (const name of PICKER_OPERATIONS) expect(policyOf(name).reauth, name).toBeUndefined();
    expect(Object.keys(contract)).toEqual(expect.arrayContaining([...PICKER_OPERATIONS]));
  });

  it('an unknown window, or an untrusted frame, is refused whatever it asks', () => {
    expect(refusal(top('app://latchkey/index.html'), null, 'vault:status', app)).toBe(
      'bridge.untrusted-sender',
    );
    expect(
      refusal(
        { url: 'app://latchkey/picker.html', isTopFrame: false },
        'picker',
        'vault:status',
        app,
      ),
    ).toBe('bridge.untrusted-sender');
    expect(refusal(top('https://evil.example/'), 'main', 'vault:status', app)).toBe(
      'bridge.untrusted-sender',
    );
  });

  it('unknown operation names are left to dispatch (bridge.unknown-operation)', () => {
    expect(refusal(top('app://latchkey/picker.html'), 'picker', 'no:such', app)).toBeNull();
  });

  it('the preload picks the picker grant only on picker.html', () => {
    expect(surfaceForPath('/picker.html')).toBe('picker');
    expect(surfaceForPath('/index.html')).toBe('main');
    expect(surfaceForPath('/')).toBe('main');
    expect(SURFACES.picker.events).toEqual(['locked', 'accounts-changed', 'picker-opened']);
  });
});
