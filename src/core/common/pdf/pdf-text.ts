/**
 * jsPDF's built-in Helvetica and Courier use WinAnsiEncoding, which covers ASCII and the
 * Latin-1 letters (U+00A0–U+00FF) but nothing else; any other character would print as
 * garbage. This maps text into that range: typographic punctuation to ASCII, accented letters
 * outside Latin-1 to their base letter, everything else to '?'.
 */
export interface PdfText {
  readonly text: string;
  /** True when a character had to be replaced by '?'. */
  readonly lossy: boolean;
}

const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u20AC': 'EUR',
};

function printable(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff);
}

export function toPdfText(input: string): PdfText {
  let text = '';
  let lossy = false;
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (printable(cp)) {
      text += cp === 0xa0 ? ' ' : ch;
      continue;
    }
    if (/\s/u.test(ch)) {
      text += ' ';
      continue;
    }
    const mapped = PUNCTUATION[ch];
    if (mapped !== undefined) {
      text += mapped;
      continue;
    }
    // "ő" → "o" + U+030B; keep the base letter when everything left is printable.
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base.length > 0 && [...base].every((c) => printable(c.codePointAt(0)!))) {
      text += base;
      continue;
    }
    text += '?';
    lossy = true;
  }
  return { text, lossy };
}
