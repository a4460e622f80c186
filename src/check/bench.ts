// `npm run bench`, the checking part: how many files `vanban check` reads and checks per second, on the sample set
// built in memory (every DOCX and PDF of data/). DOCX: read, text rules and layout rules; PDF: read and text rules.

import type { Target } from '../bench-target.ts';
import { build } from '../build.ts';
import { checkPath } from './command.ts';
import { readDocx } from './docx-read.ts';
import { checkLayout } from './layout.ts';
import { docxLines, pdfLines } from './readers.ts';
import { scoreCorpus } from './score.ts';
import { checkLines } from './text.ts';

/** Rounds over the sample set: at least this many, and until at least this long. */
const MIN_ROUNDS = 3;
const MIN_MS = 1500;

async function rate(files: Uint8Array[], check: (buf: Uint8Array) => Promise<unknown>): Promise<{ perSecond: number; msPerFile: number; checked: number }> {
  for (const f of files) await check(f); // warm-up (JIT, pdfjs worker and fonts)
  let checked = 0;
  let rounds = 0;
  const t0 = performance.now();
  while (rounds < MIN_ROUNDS || performance.now() - t0 < MIN_MS) {
    for (const f of files) await check(f);
    checked += files.length;
    rounds++;
  }
  const ms = performance.now() - t0;
  return { perSecond: (checked / ms) * 1000, msPerFile: ms / checked, checked };
}

export async function benchCheck(): Promise<Target[]> {
  const today = new Date();
  const { built, failed } = await build(['data'], { outDir: 'out', write: false });
  if (failed.length) console.error(`  (${failed.length} văn bản mẫu lỗi, không đo)`);
  const docx = built.map((b) => b.bytes.docx);
  const pdf = built.map((b) => b.bytes.pdf);
  const d = await rate(docx, async (buf) => {
    const doc = readDocx(buf);
    checkLines(docxLines(doc).lines, 'bench.docx', { today });
    return checkLayout(doc);
  });
  const p = await rate(pdf, async (buf) => checkLines((await pdfLines(buf)).lines, 'bench.pdf', { today }));
  const f = (x: number) => x.toFixed(1);
  const pages = built.reduce((n, b) => n + b.pages, 0);
  console.log(`Kiểm tra (vanban check) bộ mẫu: ${built.length} DOCX và ${built.length} PDF, ${pages} trang mỗi bộ`);
  console.log(`  DOCX (chữ + trình bày): ${f(d.perSecond)} tệp/giây (${f(d.msPerFile)} ms/tệp, ${d.checked} lần kiểm tra)`);
  console.log(`  PDF (chữ):              ${f(p.perSecond)} tệp/giây (${f(p.msPerFile)} ms/tệp, ${p.checked} lần kiểm tra)`);
  // precision and recall on the real corpus, against the labels made by reading the documents
  const s = await scoreCorpus('test/fixtures/real');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`Kiểm tra trên bộ văn bản thật (test/fixtures/real): ${s.files} tệp, ${s.labelled} lỗi được gán nhãn`);
  console.log(`  độ chính xác (precision): ${pct(s.precision)} (mục tiêu ≥ 90 %); độ phủ (recall): ${pct(s.recall)} (mục tiêu ≥ 85 %)`);
  console.log(`  theo nhãn gán trước lần chạy đầu: precision ${pct(s.strict.precision)}, recall ${pct(s.strict.recall)}`);
  // with no file held out, there is no held-out figure: say so rather than print 100 % of nothing
  if (s.heldout.files === 0) console.log('  chưa có tệp giữ riêng nào chưa từng dùng để chỉnh quy tắc (các bộ đều đã dùng); lần đo đầu của mỗi bộ: xem test/fixtures/real/PROVENANCE.md');
  else console.log(`  ${s.heldout.files} tệp giữ riêng, chưa từng dùng để chỉnh quy tắc: precision ${pct(s.heldout.precision)}, recall ${pct(s.heldout.recall)} (lần đo đầu của mỗi bộ: xem test/fixtures/real/PROVENANCE.md)`);
  for (const [name, set] of Object.entries(s.sets)) {
    const what = set.tuned ? 'đã dùng để chỉnh quy tắc' : 'giữ riêng, không dùng để chỉnh quy tắc';
    console.log(`  bộ ${name} (${set.files} tệp, ${what}): precision ${pct(set.precision)}, recall ${pct(set.recall)} (${set.truePositives} đúng / ${set.found} phát hiện, ${set.labelled} lỗi đã gán nhãn)${set.tuned ? '' : `; mục tiêu precision ≥ 90 %: ${set.precision >= 0.9 ? 'đạt' : 'chưa đạt'}`}`);
  }
  console.log(`  ${s.truePositives} phát hiện đúng, ${s.falsePositives.length} phát hiện sai, ${s.misses.length} lỗi bị bỏ sót`);
  const targets: Target[] = [
    { name: 'checkPrecision', value: s.precision, goal: 0.9, unit: '', kind: 'min' },
    { name: 'checkRecall', value: s.recall, goal: 0.85, unit: '', kind: 'min' },
    { name: 'checkCorpusMs', value: s.ms, goal: 10000, unit: 'ms', kind: 'max' },
  ];
  console.log(`  cả bộ trong một lần gọi: ${f(s.ms)} ms (mục tiêu < 10000 ms)`);
  // one real DOCX (the decree, 38 pages of text and tables) through the whole check: read, recognize, rules, layout
  const one = 'test/fixtures/real/docx-nghi-dinh-30-2020-nd-cp.docx';
  await checkPath(one, { format: 'json', fix: false, today }, process.cwd());
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    await checkPath(one, { format: 'json', fix: false, today }, process.cwd());
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  một tệp DOCX thật (Nghị định 30/2020): ${f(times[3]!)} ms (trung vị 7 lần; mục tiêu < 500 ms)`);
  targets.push({ name: 'checkOneDocxMs', value: times[3]!, goal: 500, unit: 'ms', kind: 'max' });
  return targets;
}
