import { describe, expect, it } from 'vitest';
import { indexForSearch } from '../../../src/core/common/search';
import { pickerKey, pickerResults, PICKER_ROWS } from '../../../src/core/common/picker';

const account = (issuer: string, name = '', extra = {}) => ({
  issuer,
  name,
  groups: [] as string[],
  note: '',
  favorite: false,
  lastUsedAt: null as number | null,
  ...extra,
});

describe('the quick picker', () => {
  const many = Array.from({ length: 200 }, (_, i) => account(`Service ${i}`, `user${i}`));
  const entries = indexForSearch([
    ...many,
    account('GitHub', 'alice'),
    account('GitLab', 'bob'),
    account('Gandi', 'carol', { favorite: true }),
  ]);

  it('finds with the main list’s matcher: two letters are enough', () => {
    expect(pickerResults(entries, 'gh').map((a) => a.issuer)[0]).toBe('GitHub');
    expect(pickerResults(entries, 'gitl')[0]?.issuer).toBe('GitLab');
  });

  it('shows a handful of rows, never hundreds', () => {
    expect(pickerResults(entries, '')).toHaveLength(PICKER_ROWS);
    expect(pickerResults(entries, 'service')).toHaveLength(PICKER_ROWS);
    expect(pickerResults(entries, 'zzzz')).toEqual([]);
  });

  it('↑/↓ move the selection (wrapping), Enter copies it, Escape closes', () => {
    expect(pickerKey('ArrowDown', 0, 3)).toEqual({ kind: 'select', index: 1 });
    expect(pickerKey('ArrowDown', 2, 3)).toEqual({ kind: 'select', index: 0 });
    expect(pickerKey('ArrowUp', 0, 3)).toEqual({ kind: 'select', index: 2 });
    expect(pickerKey('Enter', 1, 3)).toEqual({ kind: 'copy', index: 1 });
    expect(pickerKey('Enter', 5, 3)).toEqual({ kind: 'copy', index: 2 });
    expect(pickerKey('Escape', 0, 0)).toEqual({ kind: 'close' });
  });

  it('with no match, Enter and arrows do nothing; other keys are typing', () => {
    expect(pickerKey('Enter', 0, 0)).toBeNull();
    expect(pickerKey('ArrowDown', 0, 0)).toBeNull();
    expect(pickerKey('a', 0, 3)).toBeNull();
  });
});
