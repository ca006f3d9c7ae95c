import { formatKitDate } from './format';
import { CONTENT_WIDTH, PAGE, paragraph, setFont, type KitCanvas } from './page';
import type { KitOptions } from './types';

export interface CoverFacts {
  readonly accountCount: number;
  readonly transferParts: number;
  /** Some issuer/account names had characters the PDF font cannot show. */
  readonly lossyNames: boolean;
}

const RESTORE_FULL = [
  'Install Latchkey, or any authenticator app, on your new phone or computer.',
  'For each account on the following pages, scan its QR code with the app (in Latchkey: Add account, then Scan).',
  'If a QR code will not scan, add the account by hand: type the issuer, the account name and the secret key printed next to it (spaces do not matter), and choose the settings printed below the key.',
  'Check each account: sign in to the service with a code from the app.',
  'If you cannot restore an account, use one of its recovery codes to sign in once, then set up two-factor sign-in again. Tick each recovery code when you use it.',
];

const RESTORE_RECOVERY_ONLY = [
  'This kit holds recovery codes only. It cannot make sign-in codes and cannot restore your authenticator.',
  'If you lose your authenticator, sign in to the service with one of its recovery codes, then set up two-factor sign-in again.',
  'Each recovery code works once. Tick it when you use it.',
];

/** The first page: what this paper is, how to use it, and how to keep it. */
export function drawCover(canvas: KitCanvas, options: KitOptions, facts: CoverFacts): void {
  const { doc } = canvas;
  const x = PAGE.margin;
  let y = PAGE.top + 10;
  setFont(doc, 'helvetica', 'bold', 22);
  doc.text(options.variant === 'full' ? 'Latchkey emergency kit' : 'Latchkey recovery codes', x, y);
  y += 10;
  setFont(doc, 'helvetica', 'normal', 12);
  const count = `${facts.accountCount} account${facts.accountCount === 1 ? '' : 's'}`;
  doc.text(`Created ${formatKitDate(options.createdAt)} - ${count}`, x, y);
  y += 10;

  // The warning comes before the instructions: it is the one thing everyone must read.
  const warning =
    options.variant === 'full'
      ? 'Store this like cash. Anyone who holds this paper can generate your sign-in codes for every account in it.'
      : 'Store this like cash. Anyone who holds this paper can use these codes to get past your two-factor sign-in.';
  setFont(doc, 'helvetica', 'bold', 12);
  const warningLines = doc.splitTextToSize(warning, CONTENT_WIDTH - 8) as string[];
  const boxHeight = warningLines.length * 6 + 6;
  doc.setDrawColor(180, 0, 0);
  doc.setLineWidth(0.8);
  doc.rect(x, y, CONTENT_WIDTH, boxHeight);
  warningLines.forEach((l, i) => doc.text(l, x + 4, y + 8 + i * 6));
  y += boxHeight + 12;

  y = section(canvas, 'How to restore your accounts', y);
  const steps = options.variant === 'full' ? RESTORE_FULL : RESTORE_RECOVERY_ONLY;
  steps.forEach((step, i) => {
    doc.text(`${i + 1}.`, x, y);
    y += paragraph(doc, step, x + 7, y, CONTENT_WIDTH - 7, 5.5) + 2;
  });
  if (facts.transferParts > 0) {
    y += 2;
    y += paragraph(
      doc,
      `The last pages hold ${facts.transferParts} Google Authenticator transfer code${facts.transferParts === 1 ? '' : 's'}: in Google Authenticator choose Transfer accounts, then Import accounts, and scan them in order.`,
      x,
      y,
      CONTENT_WIDTH,
      5.5,
    );
  }
  y += 8;

  y = section(canvas, 'Where to keep it', y);
  const keep = [
    'Keep it somewhere locked and dry that you would also keep a passport: a safe, a locked drawer, or a sealed envelope with someone you trust.',
    'Do not photograph it, scan it, email it or save it in cloud storage, and do not keep it next to your computer or in your wallet.',
    'When you add or remove accounts, print a new kit and shred the old one.',
  ];
  for (const k of keep) {
    doc.text('-', x, y);
    y += paragraph(doc, k, x + 7, y, CONTENT_WIDTH - 7, 5.5) + 2;
  }
  if (facts.lossyNames) {
    y += 6;
    setFont(doc, 'helvetica', 'normal', 10);
    paragraph(
      doc,
      'Note: some issuer or account names contain characters this PDF cannot print; they are shown as "?". The QR codes hold the names exactly.',
      x,
      y,
      CONTENT_WIDTH,
      5,
    );
  }
}

function section(canvas: KitCanvas, title: string, y: number): number {
  setFont(canvas.doc, 'helvetica', 'bold', 14);
  canvas.doc.text(title, PAGE.margin, y);
  setFont(canvas.doc, 'helvetica', 'normal', 11);
  return y + 8;
}
