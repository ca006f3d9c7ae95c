import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The docs stand alone: every relative link in the README, CONTRIBUTING.md and docs/ points at a
// file or folder that exists (anchors are not checked). Runs on whatever docs exist, so a new
// page is covered the moment it is added.
const root = join(import.meta.dirname, '..', '..');

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
  return ['README.md', 'CONTRIBUTING.md', ...docs].filter((f) => existsSync(join(root, f)));
}

/** Link targets in Markdown text, outside code: inline `[text](target)`, images, and references. */
function linkTargets(markdown: string): string[] {
  const prose = markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g)].map(
    (m) => m[1]!,
  );
  const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map(
    (m) => m[1]!,
  );
  return [...inline, ...references];
}

const isRelative = (target: string) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target);

describe('documentation links', () => {
  const files = markdownFiles();

  it('finds the documents (README, CONTRIBUTING.md and docs/)', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md']));
    expect(files.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(0);
  });

  it.each(markdownFiles())('every relative link in %s resolves', (file) => {
    const broken = linkTargets(readFileSync(join(root, file), 'utf8'))
      .filter(isRelative)
      .map((target) => decodeURIComponent(target.replace(/[#?].*$/, '')))
      .filter((path) => path !== '' && !existsSync(join(root, dirname(file), path)));
    expect(broken).toEqual([]);
  });

  it('the link reader sees links in prose and skips code', () => {
    const text = [
      'See [the bridge](docs/bridge.md#policies) and ![shot](shots/a.png "title").',
      '[ref]: ../other.md',
      '`[not](a-link.md)`',
      '```',
      '[also not](inside-code.md)',
      '```',
      '[web](https://example.com) [here](#top)',
    ].join('\n');
    expect(linkTargets(text)).toEqual([
      'docs/bridge.md#policies',
      'shots/a.png',
      'https://example.com',
      '#top',
      '../other.md',
    ]);
    expect(linkTargets(text).filter(isRelative)).toEqual([
      'docs/bridge.md#policies',
      'shots/a.png',
      '../other.md',
    ]);
  });
});
