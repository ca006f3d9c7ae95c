import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseRecoveryCodes,
  summarizeRecoveryCodes,
} from '../../../src/core/common/recovery/index';
import { isLatchkeyError } from '../../../src/shared/errors/index';

// Blocks below are invented in the layout each service uses (no real codes): the shapes are
// what the services document or show on their "save your codes" pages.
const githubBlock = [
  '3f9a1-b7c2e',
  '0c4d2-9e8f1',
  'a7b36-52d0c',
  '91e0f-4c3a8',
  'd2c57-0b9e4',
  '6f0a3-e18d7',
  'b5e92-7a4c0',
  '28d4f-c06b3',
  'e9a70-3f5d2',
  '47c1b-d8e06',
  'f3b8d-61a9c',
  '0e7c5-a2f48',
  'c86a2-4d1b9',
  '5d3e9-b07f1',
  '7a2f4-e9c63',
  'b04d8-1f6e5',
].join('\n');

const googleFile = `SAVE YOUR BACKUP CODES
Keep these backup codes somewhere safe but accessible.

1. 4821 9034\t\t6. 7710 2286
2. 5519 6420\t\t7. 3087 1145
3. 9902 3378\t\t8. 6245 8810
4. 1436 7051\t\t9. 8013 4469
5. 2268 5937\t\t10. 0594 2713

(alice.example@gmail.com)
* You can only use each backup code once.
* Need more backup codes? Generate new ones at the security page.
* Created on Nov 30, 2026
`;
const googleCodes = [
  '4821 9034',
  '7710 2286',
  '5519 6420',
  '3087 1145',
  '9902 3378',
  '6245 8810',
  '1436 7051',
  '8013 4469',
  '2268 5937',
  '0594 2713',
];

describe('parseRecoveryCodes', () => {
  const table: { name: string; block: string; expected: string[] }[] = [
    {
      name: 'GitHub: 16 dashed codes, one per line',
      block: githubBlock,
      expected: githubBlock.split('\n'),
    },
    { name: 'Google: two numbered columns inside prose', block: googleFile, expected: googleCodes },
    {
      name: 'Google codes pasted one per line keep their inner space',
      block: googleCodes.join('\n'),
      expected: googleCodes,
    },
    {
      name: 'Microsoft: a single 25-character code in a sentence',
      block: 'Your new recovery code is: KQ7MW-3PXT9-VB2HC-RDN4G-8YJFE\nWrite it down.',
      expected: ['KQ7MW-3PXT9-VB2HC-RDN4G-8YJFE'],
    },
    {
      name: 'Dropbox-like: letter groups without digits in a bare list',
      block: 'abcd efgh ijkl\nmnop qrst uvwx\nyzab cdef ghij',
      expected: ['abcd efgh ijkl', 'mnop qrst uvwx', 'yzab cdef ghij'],
    },
    {
      name: 'Proton-like: eight-character codes separated by spaces on one line',
      block: 'a1b2c3d4 e5f6a7b8 c9d0e1f2 a3b4c5d6 e7f8a9b0 c1d2e3f4',
      expected: ['a1b2c3d4', 'e5f6a7b8', 'c9d0e1f2', 'a3b4c5d6', 'e7f8a9b0', 'c1d2e3f4'],
    },
    {
      name: 'two long codes per line are two codes each, not one grouped code',
      block: 'a1b2c3d4 e5f6a7b8\nc9d0e1f2 a3b4c5d6',
      expected: ['a1b2c3d4', 'e5f6a7b8', 'c9d0e1f2', 'a3b4c5d6'],
    },
    {
      name: 'comma and semicolon separated',
      block: '73920481, 11842096; 55310274,90271635',
      expected: ['73920481', '11842096', '55310274', '90271635'],
    },
    {
      name: 'numbered list "1." and "2)" and bullets',
      block: '1. abcd-efgh\n2) ijkl-mnop\n- qrst-uvwx\n• yzab-cdef\n* ghij-klmn',
      expected: ['abcd-efgh', 'ijkl-mnop', 'qrst-uvwx', 'yzab-cdef', 'ghij-klmn'],
    },
    {
      name: 'duplicates (ignoring case and dashes) are dropped, first spelling kept',
      block: 'ABCD-1234\nabcd1234\nEFGH-5678\nABCD-1234',
      expected: ['ABCD-1234', 'EFGH-5678'],
    },
    {
      name: 'Windows line endings and blank lines',
      block: '\r\n  R48213  \r\n\r\nR90314\r\n',
      expected: ['R48213', 'R90314'],
    },
    {
      name: 'one grouped code pasted alone stays one code',
      block: ' 4821 9034 ',
      expected: ['4821 9034'],
    },
    { name: 'prose only gives nothing', block: 'Keep these codes somewhere safe.', expected: [] },
    { name: 'empty block', block: '   \n ', expected: [] },
    {
      name: 'URLs and e-mail addresses are not codes',
      block: 'https://example.com/2fa\nalice@example.com\n12345678\n23456789\n34567890',
      expected: ['12345678', '23456789', '34567890'],
    },
  ];
  for (const { name, block, expected } of table) {
    it(name, () => {
      expect(parseRecoveryCodes(block)).toEqual(expected);
    });
  }

  it('rejects a block too long to be recovery codes', () => {
    expect(() => parseRecoveryCodes('a'.repeat(20_001))).toThrow(
      expect.objectContaining({ code: 'backup.recovery-block-too-long' }),
    );
  });

  it('rejects more than 100 codes, with a specific error', () => {
    const block = Array.from({ length: 101 }, (_, i) => `code-${String(i).padStart(4, '0')}`).join(
      '\n',
    );
    let error: unknown;
    try {
      parseRecoveryCodes(block);
    } catch (e) {
      error = e;
    }
    expect(isLatchkeyError(error) && error.code).toBe('backup.recovery-too-many');
  });

  it('accepts exactly 100 codes', () => {
    const block = Array.from({ length: 100 }, (_, i) => `code-${String(i).padStart(4, '0')}`).join(
      '\n',
    );
    expect(parseRecoveryCodes(block)).toHaveLength(100);
  });

  it('ignores tokens longer than 64 characters', () => {
    expect(parseRecoveryCodes(`${'a1'.repeat(40)}\n1234-5678`)).toEqual(['1234-5678']);
  });
});

describe('summarizeRecoveryCodes', () => {
  const codes = (used: number, unused: number) => [
    ...Array.from({ length: used }, () => ({ used: true })),
    ...Array.from({ length: unused }, () => ({ used: false })),
  ];
  it.each([
    [0, 10, { total: 10, unused: 10, low: false }],
    [7, 3, { total: 10, unused: 3, low: false }],
    [8, 2, { total: 10, unused: 2, low: true }],
    [10, 0, { total: 10, unused: 0, low: true }],
    [0, 0, { total: 0, unused: 0, low: false }],
  ])('%i used, %i unused', (used, unused, expected) => {
    expect(summarizeRecoveryCodes(codes(used, unused))).toEqual(expected);
  });
});

describe('parseRecoveryCodes, generated lists', () => {
  const alnum = 'abcdefghjkmnpqrstuvwxyz23456789';
  const digits = '0123456789';
  const group = (chars: string, n: number) =>
    fc.array(fc.constantFrom(...chars), { minLength: n, maxLength: n }).map((a) => a.join(''));
  // Shapes services use: "1234 5678", "abcde-12345", "a1b2c3d4e5f6", "1234-5678-9012".
  const shapes = [
    fc.tuple(group(digits, 4), group(digits, 4)).map(([a, b]) => `${a} ${b}`),
    fc.tuple(group(alnum, 5), group(digits, 5)).map(([a, b]) => `${a}-${b}`),
    fc.tuple(group(alnum, 11), group(digits, 1)).map(([a, b]) => `${a}${b}`),
    fc.tuple(group(digits, 4), group(digits, 4), group(digits, 4)).map((g) => g.join('-')),
  ];
  const layouts = [
    (codes: string[]) => codes.join('\n'),
    (codes: string[]) => codes.map((c, i) => `${i + 1}. ${c}`).join('\n'),
    (codes: string[]) => codes.map((c) => `- ${c}`).join('\r\n'),
    (codes: string[]) => codes.join(', '),
    (codes: string[]) => codes.join('\t'),
    (codes: string[]) => `Your recovery codes:\n\n${codes.join('\n')}\n\nKeep them safe.`,
  ];

  it('returns exactly the codes of one shape, deduplicated, whatever the layout', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: shapes.length - 1 })
          .chain((s) => fc.array(shapes[s]!, { minLength: 1, maxLength: 40 })),
        fc.integer({ min: 0, max: layouts.length - 1 }),
        (codes, layout) => {
          const seen = new Set<string>();
          const unique = codes.filter((c) => {
            const key = c.replace(/[\s-]/g, '');
            return seen.has(key) ? false : (seen.add(key), true);
          });
          expect(parseRecoveryCodes(layouts[layout]!(codes))).toEqual(unique);
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
