import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  resolveAppPath,
  resolveAppUrl,
  responseHeaders,
} from '../../../src/node/shell/app-protocol';

describe('app:// path resolution', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/./assets//x.css', 'assets/x.css'],
  ])('%s → %s', (path, expected) => {
    expect(resolveAppPath(path)).toBe(expected);
  });

  it.each([
    '/../package.json',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..\\..\\secret',
    '/%00index.html',
    '/%E0%A4%A',
    '/C:/Windows/win.ini',
    '/...../x',
  ])('refuses %s', (path) => {
    expect(resolveAppPath(path)).toBeNull();
  });

  it('only serves our own host and scheme', () => {
    expect(resolveAppUrl('app://latchkey/index.html')).toBe('index.html');
    expect(resolveAppUrl('app://other/index.html')).toBeNull();
    expect(resolveAppUrl('https://latchkey/index.html')).toBeNull();
    // The URL parser folds dot segments at the root, so these cannot climb out of it.
    expect(resolveAppUrl('app://latchkey/%2e%2e/x')).toBe('x');
    expect(resolveAppUrl('app://latchkey/../../etc/passwd')).toBe('etc/passwd');
    expect(resolveAppUrl('app://latchkey/assets/..%2f..%2fx')).toBeNull();
  });
});

describe('response headers', () => {
  it('every response carries the strict CSP and nosniff', () => {
    const headers = responseHeaders('assets/index.js');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(responseHeaders('unknown.bin')['Content-Type']).toBe('application/octet-stream');
  });

  it('the CSP allows no inline script, no network, no plugins, no framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
