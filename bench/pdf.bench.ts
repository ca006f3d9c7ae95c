import { jsPDF } from 'jspdf';
import QRCode from 'qrcode';
import { encodeBase32 } from '../src/core/common/encoding/base32';
import type { AccountDraft } from '../src/core/common/model';
import { buildEmergencyKit, type KitAccount } from '../src/core/common/pdf/index';
import { serializeOtpUri } from '../src/core/common/uri/index';
import type { HashAlgorithm, OtpParams } from '../src/shared/account';
import { summarize, time, type BenchRow } from './harness';
import { seeded } from '../tests/support/seeded';

/**
 * The emergency kit for 10, 100 and 300 accounts: our vector kit (merged rectangles, one fill
 * per QR code, every code read back with jsQR) against a naive jsPDF kit measured in the same
 * run (each QR code rendered to a PNG with `qrcode` at its default scale of 4 px per module and placed with `addImage`, no
 * compression). Budget for 300 accounts: ≤ 1.5 MB and ≤ 1.5 s.
 */
const SIZES = [10, 100, 300] as const;
const BUDGET_MS = 1500;
const BUDGET_BYTES = 1.5 * 1024 * 1024;

/** Seeded so every run benchmarks the same inputs. */
const prng = seeded;

/** Realistic accounts: 20-byte secrets mostly, some 32/64; a quarter with 10 recovery codes. */
function accounts(count: number): KitAccount[] {
  const random = prng(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const issuers = [
    'GitHub',
    'Google',
    'Microsoft',
    'Proton',
    'Dropbox',
    'AWS',
    'Bank & Co',
    'Müller AG',
  ];
  const algorithms: readonly HashAlgorithm[] = ['SHA1', 'SHA1', 'SHA256', 'SHA512'];
  return Array.from({ length: count }, (_, i) => {
    const secret = new Uint8Array(pick([20, 20, 20, 32, 64]));
    for (let j = 0; j < secret.length; j++) secret[j] = Math.floor(random() * 256);
    const otp: OtpParams =
      i % 10 === 9
        ? { type: 'hotp', algorithm: pick(algorithms), digits: 6, counter: i }
        : { type: 'totp', algorithm: pick(algorithms), digits: pick([6, 6, 8]), period: 30 };
    const draft: AccountDraft = {
      issuer: `${pick(issuers)} ${i}`,
      name: `user${i}@example.com`,
      otp,
      secret,
    };
    const recoveryCodes =
      i % 4 === 0
        ? Array.from({ length: 10 }, (_, j) => ({
            code: `${1000 + j}${i % 10} ${5000 + j * 3}`,
            used: j < 2,
          }))
        : [];
    return {
      issuer: draft.issuer,
      name: draft.name,
      uri: serializeOtpUri(draft),
      secretBase32: encodeBase32(secret),
      otp,
      recoveryCodes,
    };
  });
}

/** The baseline: what a first attempt with jsPDF looks like. */
async function naiveKit(list: readonly KitAccount[]): Promise<Uint8Array> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  doc.text('Emergency kit', 15, 20);
  list.forEach((_, i) => i % 5 === 0 && doc.addPage());
  let i = 0;
  for (const a of list) {
    doc.setPage(2 + Math.floor(i / 5));
    const y = 20 + (i % 5) * 52;
    const png = await QRCode.toDataURL(a.uri, { errorCorrectionLevel: 'M', scale: 4, margin: 4 });
    doc.addImage(png, 'PNG', 15, y, 45, 45);
    doc.text(a.issuer, 65, y + 6);
    doc.text(a.name, 65, y + 12);
    doc.text(a.secretBase32, 65, y + 18);
    a.recoveryCodes.forEach((c, j) =>
      doc.text(c.code, 65 + (j % 4) * 30, y + 26 + Math.floor(j / 4) * 5),
    );
    i++;
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

const mb = (bytes: number) => bytes / (1024 * 1024);

export default async (): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  const createdAt = new Date(2026, 10, 30);
  for (const n of SIZES) {
    const list = accounts(n);
    let ours = 0;
    let naive = 0;
    const runs = n === 300 ? 5 : 7;
    const cpuBefore = process.cpuUsage();
    const oursMs = summarize(
      await time(
        () => (ours = buildEmergencyKit(list, { variant: 'full', createdAt }).pdf.length),
        runs,
      ),
    ).median;
    // CPU time per build (warm-up run included): steadier than wall time on a shared machine.
    const cpu = process.cpuUsage(cpuBefore);
    const oursCpuMs = (cpu.user + cpu.system) / 1000 / (runs + 1);
    const naiveMs = summarize(
      await time(
        async () => (naive = (await naiveKit(list)).length),
        n === 10 ? 3 : 1,
        n === 10 ? 1 : 0,
      ),
    ).median;
    const budgeted = n === 300;
    rows.push({
      bench: 'pdf',
      case: `${n} accounts`,
      metric: 'build time (median)',
      value: oursMs,
      unit: 'ms',
      baseline: { name: 'naive jsPDF + PNG', value: naiveMs },
      ratio: oursMs / naiveMs,
      ...(budgeted ? { budget: `≤ ${BUDGET_MS} ms`, withinBudget: oursMs <= BUDGET_MS } : {}),
    });
    rows.push({
      bench: 'pdf',
      case: `${n} accounts`,
      metric: 'build CPU time (mean)',
      value: oursCpuMs,
      unit: 'ms',
    });
    rows.push({
      bench: 'pdf',
      case: `${n} accounts`,
      metric: 'file size',
      value: mb(ours),
      unit: 'MB',
      baseline: { name: 'naive jsPDF + PNG', value: mb(naive) },
      ratio: ours / naive,
      ...(budgeted ? { budget: '≤ 1.5 MB', withinBudget: ours <= BUDGET_BYTES } : {}),
    });
  }
  return rows;
};
