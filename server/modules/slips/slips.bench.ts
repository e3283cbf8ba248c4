// Milliseconds per slip: `node server/modules/slips/slips.bench.ts [rounds]`. Prints, per kind, the
// median and 90th percentile wall time of `rounds` renders after a warm-up, the CPU time per render,
// and as references the one-off font parse and a bare pdfkit page with the same fonts and one line.
import PDFDocument from 'pdfkit';
import { renderSlip } from './slips.ts';
import { slipFonts } from './slip-fonts.ts';
import { SLIP_KINDS } from './slip-forms.ts';
import { renderTrackingBookXlsx } from './tracking-book-xlsx.ts';
import { manyComponents, PUBLIC_URL, slipData, trackingEntries } from './test-fixtures.ts';

const rounds = Number(process.argv[2] ?? 30);
const options = { publicUrl: PUBLIC_URL };
const data = slipData();

const t0 = performance.now();
slipFonts();
console.log(`font parse (once per process): ${(performance.now() - t0).toFixed(1)} ms`);

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (q: number): string =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  const cpuMs = ((cpu.user + cpu.system) / 1000 / rounds).toFixed(1);
  console.log(`| ${label} | ${at(0.5)} | ${at(0.9)} | ${cpuMs} |`);
}

console.log(`\n| slip (${rounds} renders) | median ms | p90 ms | CPU ms |\n| --- | ---: | ---: | ---: |`);
await measure('bare pdfkit page, same fonts, one line (reference)', async () => {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('regular', slipFonts().regular as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.font('regular').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  doc.end();
  await done;
});
for (const kind of SLIP_KINDS) {
  await measure(`2025 ${kind}`, () => renderSlip(kind, data[kind] as never, options));
}
await measure('receipt with 40 components (2 pages)', () =>
  renderSlip('receipt', { ...data.receipt, components: manyComponents(40) }, options),
);
const book500 = { ...data['tracking-book'], entries: trackingEntries(500) };
await measure('tracking book, 500 dossiers (PDF)', () => renderSlip('tracking-book', book500, options));
await measure('tracking book, 500 dossiers (XLSX)', async () => renderTrackingBookXlsx(book500));
