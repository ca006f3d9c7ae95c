import { describe, expect, it } from 'vitest';
import * as simpleIcons from 'simple-icons';
import {
  buildLookup,
  domainLabel,
  inkOn,
  matchBrand,
  monogram,
} from '../../../src/renderer/src/features/codes/icons/brand-match';

// The real simple-icons set the app bundles (scripts/brand-icons-plugin.mjs reads the same
// package's data file, which adds alias names).
const icons = Object.values(simpleIcons).filter(
  (i): i is { slug: string; title: string; hex: string } & typeof i =>
    typeof i === 'object' && i !== null && 'slug' in i,
);
const lookup = buildLookup(icons.map((i) => [i.slug, i.title, i.hex]));
const slug = (issuer: string) => matchBrand(issuer, lookup)?.slug ?? null;

describe('matching an issuer to a bundled brand icon', () => {
  it('by name, ignoring case, spaces and punctuation', () => {
    expect(slug('GitHub')).toBe('github');
    expect(slug('github')).toBe('github');
    expect(slug('Proton')).toBe('proton');
    expect(slug('Steam')).toBe('steam');
  });

  it('by a domain-like issuer', () => {
    expect(domainLabel('accounts.google.com')).toBe('google');
    expect(domainLabel('https://gitlab.com/users/sign_in')).toBe('gitlab');
    expect(domainLabel('amazon.co.uk')).toBe('amazon');
    expect(domainLabel('GitHub')).toBeNull();
    expect(slug('github.com')).toBe('github');
    expect(slug('https://www.dropbox.com')).toBe('dropbox');
  });

  it('by the first word when the rest is the user’s own', () => {
    expect(slug('GitLab (work)')).toBe('gitlab');
    expect(slug('Google: personal')).toBe('google');
  });

  it('leaves names it does not know to a monogram', () => {
    expect(slug('Company VPN of Example Corp')).toBeNull();
    expect(monogram('zürich bank')).toEqual({ letter: 'Z', hue: expect.any(Number) });
    expect(monogram('Acme').hue).toBe(monogram('ACME').hue);
  });

  it('draws black on light brand colours and white on dark ones', () => {
    expect(inkOn('FFFFFF')).toBe('#000000');
    expect(inkOn('181717')).toBe('#ffffff'); // GitHub
    expect(inkOn('F7DF1E')).toBe('#000000'); // JavaScript yellow
  });
});
