// The portfolio page's worker: reads a CSV as a stream, scores and limits its customers in
// chunks through the engine's scorePortfolio, and keeps only each customer's result line
// and a few sort keys, so that a million rows fit in memory and the page never waits.
//
// Why this shape: File.stream() through TextDecoderStream keeps a character split between
// two reads whole (papaparse's own file reader decodes each slice apart, which breaks
// Chinese text at the seams) and drops a byte-order mark; papaparse parses the text as it
// comes (comma, semicolon or tab, quotes and line breaks inside quotes); 5,000 rows at a
// time cross into wasm as one text, and come back as one packed text. The page asks for the
// rows in view, a sort, or the CSV export: the results stay here.
//
// Messages in:  run { id, file | text, asOf, policy? }, cancel, sort { key, dir }, rows { id, start, count }, export
// Messages out: progress, done, cancelled, failed, sorted, rows, export
import Papa from '../vendor/papaparse.mjs';
import { csvCell } from './csv.js';
import { loadPortfolioEngine } from './engine.js';

const CHUNK_ROWS = 5000;
// Every problem up to this many is kept, for the page's list and its export.
const PROBLEMS_KEPT = 100000;
const REVIEW_KEPT = 25;
const FIELD = '\x1f';
const ROW = '\x1e';
// The packed line's fields (the engine's packedFields), by name.
let fields = null;
let at = {};

let job = null; // the run in progress
let book = null; // the results of the last finished run

/** A growable column of numbers for sorting (never shown: the text of each line is). */
class Column {
  constructor(Type) {
    this.Type = Type;
    this.data = new Type(1024);
  }

  set(i, v) {
    if (i >= this.data.length) {
      const bigger = new this.Type(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

function newBook() {
  return {
    n: 0,
    lines: [],
    names: [],
    score: new Column(Float64Array),
    grade: new Column(Uint8Array),
    recommended: new Column(Float64Array),
    exposure: new Column(Float64Array),
    headroom: new Column(Float64Array),
    expectedLoss: new Column(Float64Array),
    review: new Column(Uint8Array),
    bands: [],
    order: null,
  };
}

/**
 * A Node-style readable over a web stream of text, which papaparse's stream reader takes
 * (`on('data' | 'end' | 'error')`, `pause`, `resume`): the next read waits for the last
 * chunk to be parsed, and a cancel stops reading.
 */
function readable(stream, seen) {
  const reader = stream.getReader();
  const listeners = { data: [], end: [], error: [] };
  let paused = false;
  let pumping = false;
  let done = false;
  const emit = (event, arg) => listeners[event].slice().forEach((f) => f(arg));
  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (!paused && !done) {
        const next = await reader.read();
        if (done) break;
        if (next.done) {
          done = true;
          emit('end');
        } else {
          seen(next.value);
          emit('data', next.value);
        }
      }
    } catch (e) {
      if (!done) emit('error', e);
    }
    pumping = false;
  }
  return {
    readable: true,
    read() {},
    on(event, f) {
      listeners[event]?.push(f);
      if (event === 'data') queueMicrotask(pump);
      return this;
    },
    removeListener(event, f) {
      listeners[event] = (listeners[event] ?? []).filter((g) => g !== f);
      return this;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      pump();
    },
    cancel() {
      done = true;
      reader.cancel().catch(() => {});
    },
  };
}

/** The file's (or the pasted text's) characters: bytes counted for progress, UTF-8 decoded,
 * the separators the engine's packed rows use replaced (no spreadsheet cell holds them). */
function textOf(source, counter) {
  const bytes = source.stream().pipeThrough(new TransformStream({
    transform(chunk, controller) {
      counter.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }));
  return bytes.pipeThrough(new TextDecoderStream('utf-8')).pipeThrough(new TransformStream({
    transform(text, controller) {
      controller.enqueue(/[\x1e\x1f]/.test(text) ? text.replace(/[\x1e\x1f]/g, ' ') : text);
    },
  }));
}

function post(message, transfer) {
  self.postMessage(message, transfer ?? []);
}

/** Keeps a chunk's result lines and their sort keys. */
function keep(b, packed) {
  if (!packed) return;
  for (const line of packed.split(ROW)) {
    const f = line.split(FIELD);
    const i = b.n;
    b.lines.push(line);
    b.names.push(f[at.name]);
    b.score.set(i, Number(f[at.score]));
    const grade = Number(f[at.grade]);
    b.grade.set(i, grade);
    if (!b.bands[grade - 1]) b.bands[grade - 1] = f[at.band];
    b.recommended.set(i, Number(f[at.recommended]));
    b.exposure.set(i, Number(f[at.exposure]));
    b.headroom.set(i, Number(f[at.headroom]));
    b.expectedLoss.set(i, Number(f[at.expectedLoss]));
    b.review.set(i, f[at.review] === '1' ? 1 : 0);
    b.n += 1;
  }
}

function rowObject(b, i) {
  const f = b.lines[i].split(FIELD);
  const row = {};
  fields.forEach((name, k) => {
    row[name] = f[k];
  });
  row.row = Number(row.row);
  row.grade = Number(row.grade);
  row.overLimit = row.overLimit === '1';
  row.review = row.review === '1';
  return row;
}

function score(run, rows) {
  if (!rows.length) return;
  const text = rows.map((r) => r.join(FIELD)).join(ROW);
  const input = {
    asOf: run.asOf,
    columns: run.header,
    rows: text,
    firstRow: run.nextRow,
    output: 'packed',
  };
  if (run.totals) input.totals = run.totals;
  const t0 = performance.now();
  const result = run.engine.scorePortfolio(input, run.policy);
  run.policyVersion = result.policyVersion;
  run.engineMs += performance.now() - t0;
  run.nextRow += rows.length;
  run.totals = result.totals;
  run.rows += result.rows;
  run.blank += result.blank;
  run.scored += result.scored;
  if (!fields) {
    fields = result.packedFields ?? [];
    at = Object.fromEntries(fields.map((name, k) => [name, k]));
  }
  if (!run.columns) run.columns = result.columns;
  for (const p of result.problems) {
    if (run.problems.length < PROBLEMS_KEPT) run.problems.push(p);
    if (p.row !== run.lastProblemRow) {
      run.problemRows += 1;
      run.lastProblemRow = p.row;
    }
    run.problemCount += 1;
  }
  keep(run.book, result.packed);
}

function progress(run, force = false) {
  const now = performance.now();
  if (!force && now - run.lastProgress < 100) return;
  run.lastProgress = now;
  post({ type: 'progress', id: run.id, bytes: run.counter.bytes, total: run.total, rows: run.rows, scored: run.scored });
}

function fail(run, error) {
  if (run.finished) return;
  run.finished = true;
  run.cancelled = true;
  run.stream?.cancel();
  run.parser?.abort();
  if (job === run) job = null;
  const e = error && error.name === 'CreditCalculatorError'
    ? { code: error.code, field: error.field, message: error.message, errors: error.errors ?? [] }
    : { code: 'ENGINE_FAILED', field: '', message: String(error?.message ?? error), errors: [] };
  post({ type: 'failed', id: run.id, error: e });
}

/** Grades 1–10 counted, and the customers to review first (worst grade, then exposure). */
function finish(run) {
  if (run.finished) return;
  run.finished = true;
  if (job === run) job = null;
  const b = run.book;
  const grades = new Array(Math.max(10, b.bands.length)).fill(0);
  const review = [];
  for (let i = 0; i < b.n; i += 1) {
    const g = b.grade.data[i];
    if (g >= 1 && g <= grades.length) grades[g - 1] += 1;
    if (b.review.data[i]) review.push(i);
  }
  review.sort((x, y) => b.grade.data[y] - b.grade.data[x] || b.exposure.data[y] - b.exposure.data[x] || x - y);
  // CSV problems are found as the rows are read, the engine's as they are scored: in row order.
  run.problems.sort((x, y) => x.row - y.row);
  book = b;
  post({
    type: 'done',
    id: run.id,
    asOf: run.asOf,
    policyVersion: run.policyVersion,
    rows: run.rows,
    // The rows left out for a CSV problem went to the engine empty, which counted them blank.
    blank: Math.max(0, run.blank - run.csvLeftOut),
    scored: run.scored,
    problemCount: run.problemCount,
    problemRows: run.problemRows,
    problems: run.problems,
    ignored: (run.columns ?? []).filter((c) => c.field === null).map((c) => c.column.replace(/^\ufeff/, '')),
    totals: run.totals ?? [],
    grades,
    gradeBands: Array.from(grades, (_, i) => b.bands[i] ?? null),
    reviewCount: review.length,
    review: review.slice(0, REVIEW_KEPT).map((i) => rowObject(b, i)),
    seconds: (performance.now() - run.started) / 1000,
    engineMs: run.engineMs,
  });
}

/** A row papaparse could not read: listed with its spreadsheet row, and not scored. */
function csvProblem(run, row, e) {
  run.problemCount += 1;
  run.problemRows += 1;
  run.csvLeftOut += 1;
  if (run.problems.length < PROBLEMS_KEPT) {
    run.problems.push({ row, column: '', field: 'row', code: `CSV_${e.code}`, message: e.message });
  }
}

/** papaparse's guess of the separator over the file's first lines, empty ones left out. */
function guessDelimiter(text) {
  const sample = text.slice(0, 65536);
  const guess = Papa.parse(sample, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: true, preview: 10 });
  return guess.meta.delimiter || ',';
}

/**
 * A quote that does not pair up (`"Golden" Foods` opening a cell it never closes) makes the
 * parser read on to the next closing quote, taking the lines between into one cell: rows
 * that then vanished, and every later row numbered wrong. So a chunk with such a quote is
 * read again: row by row until the first row with one, whose first line alone is listed as
 * a problem; then on from the next line, by the same rules (a cell over several lines in
 * quotes stays one row), until the chunk's end. Each pass goes only as far as the next such
 * quote, so the work stays in proportion to the chunk.
 */
function rereadQuotes(text, meta) {
  const { delimiter, linebreak } = meta;
  const rows = [];
  const bad = new Map();
  // The chunk ends with a whole row; a final line break would read as one more, empty row.
  const all = text.endsWith(linebreak) ? text.slice(0, -linebreak.length) : text;
  let offset = 0;
  while (offset <= all.length) {
    let badAt = -1; // where, in `all`, the row with the quote begins
    let rowStart = offset;
    Papa.parse(all.slice(offset), {
      delimiter,
      newline: linebreak,
      skipEmptyLines: false,
      step(r, parser) {
        const e = r.errors.find((x) => x.type === 'Quotes');
        if (e) {
          badAt = rowStart;
          parser.abort();
          return;
        }
        const other = r.errors[0];
        if (other) bad.set(rows.length, other);
        rows.push(r.data);
        rowStart = offset + r.meta.cursor;
      },
    });
    if (badAt < 0) break;
    bad.set(rows.length, { type: 'Quotes', code: 'InvalidQuotes', message: 'a quote in this row does not pair up' });
    rows.push([]);
    const lineEnd = all.indexOf(linebreak, badAt);
    if (lineEnd < 0) break;
    offset = lineEnd + linebreak.length;
  }
  return { rows, bad };
}

async function start({ id, file, text, asOf, policy }) {
  cancel(false);
  const source = file ?? new Blob([text ?? ''], { type: 'text/plain' });
  const run = {
    id,
    asOf,
    policy: policy ?? undefined, // a company's policy, as the element read it; else ours
    policyVersion: null,
    started: performance.now(),
    engine: null,
    header: null,
    pending: [],
    nextRow: 2,
    totals: null,
    rows: 0,
    blank: 0,
    scored: 0,
    problems: [],
    problemCount: 0,
    problemRows: 0,
    lastProblemRow: 0,
    csvLeftOut: 0,
    columns: null,
    counter: { bytes: 0 },
    total: source.size,
    lastProgress: 0,
    engineMs: 0,
    book: newBook(),
    cancelled: false,
    finished: false,
  };
  job = run;
  try {
    run.engine = await loadPortfolioEngine();
  } catch (e) {
    fail(run, e);
    return;
  }
  if (run.cancelled) return;
  // The text papaparse has been given and not yet made into whole rows (from `rawStart` in
  // the whole text on): a row whose quotes do not pair up is read again from it.
  run.raw = '';
  run.rawStart = 0;
  run.stream = readable(textOf(source, run.counter), (text) => {
    run.raw += text;
  });
  Papa.parse(run.stream, {
    // papaparse's own guess, over the first lines without the empty ones: with them (kept
    // here, so that row numbers stay the spreadsheet's) a file of two columns ending in a
    // line break never averages two fields a line, and was read as one column.
    delimiter: guessDelimiter,
    skipEmptyLines: false,
    chunk(results, parser) {
      run.parser = parser;
      if (run.cancelled) {
        parser.abort();
        return;
      }
      try {
        const firstIndex = run.nextRow + run.pending.length - (run.header ? 0 : 1);
        const consumed = results.meta.cursor - run.rawStart;
        const text = run.raw.slice(0, consumed);
        run.raw = run.raw.slice(consumed);
        run.rawStart = results.meta.cursor;
        let rows = results.data;
        let bad = new Map(); // row index in this chunk → its first CSV problem
        for (const e of results.errors) {
          // An error past the chunk's rows is the unfinished row's, read again with the next
          // chunk (and reported then, if it still has it).
          if (e.row !== undefined && e.row < rows.length && !bad.has(e.row)) bad.set(e.row, e);
        }
        if ([...bad.values()].some((e) => e.type === 'Quotes')) ({ rows, bad } = rereadQuotes(text, results.meta));
        for (const [i, e] of bad) {
          if (i === 0 && !run.header) continue; // the header's problem shows as its columns
          csvProblem(run, firstIndex + i, e);
          rows[i] = []; // left out like any row with a problem: an empty row keeps the numbering
        }
        if (!run.header && rows.length) { // a first read shorter than the header has no row yet
          run.header = rows[0];
          rows = rows.slice(1);
        }
        for (const r of rows) run.pending.push(r);
        while (run.pending.length >= CHUNK_ROWS) score(run, run.pending.splice(0, CHUNK_ROWS));
        progress(run);
      } catch (e) {
        fail(run, e);
      }
    },
    complete() {
      if (run.cancelled || run.finished) return;
      try {
        if (!run.header || (run.header.length === 1 && run.header[0] === '')) {
          post({ type: 'failed', id: run.id, error: { code: 'EMPTY', field: '', message: 'nothing to score', errors: [] } });
          run.finished = true;
          if (job === run) job = null;
          return;
        }
        score(run, run.pending.splice(0));
        progress(run, true);
        finish(run);
      } catch (e) {
        fail(run, e);
      }
    },
    error(e) {
      fail(run, e);
    },
  });
}

function cancel(tell = true) {
  const run = job;
  if (!run) return;
  run.cancelled = true;
  run.finished = true;
  run.stream?.cancel();
  run.parser?.abort();
  job = null;
  if (tell) post({ type: 'cancelled', id: run.id });
}

const KEYS = ['row', 'name', 'score', 'grade', 'recommended', 'exposure', 'headroom', 'expectedLoss', 'review'];

/** Sorts the last results by one column; ties keep the file's order. */
function sort({ key, dir }) {
  const b = book;
  if (!b || !KEYS.includes(key)) return;
  const sign = dir === 'desc' ? -1 : 1;
  let order = null;
  if (key !== 'row') {
    order = new Uint32Array(b.n);
    for (let i = 0; i < b.n; i += 1) order[i] = i;
    if (key === 'name') {
      // A collator orders Chinese names by pinyin; past 200,000 names code-point order
      // keeps the sort to seconds.
      const collator = b.n <= 200000 ? new Intl.Collator(['zh-CN', 'en'], { numeric: true }) : null;
      const names = b.names;
      const cmp = collator
        ? (x, y) => collator.compare(names[x], names[y])
        : (x, y) => (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0);
      order.sort((x, y) => sign * cmp(x, y) || x - y);
    } else if (key === 'review') {
      // Customers to review first: worst grade, then the largest exposure.
      const r = b.review.data;
      const g = b.grade.data;
      const e = b.exposure.data;
      order.sort((x, y) => sign * (r[y] - r[x] || g[y] - g[x] || e[y] - e[x]) || x - y);
    } else {
      const v = b[key].data;
      order.sort((x, y) => sign * (v[x] - v[y]) || x - y);
    }
  } else if (sign < 0) {
    order = new Uint32Array(b.n);
    for (let i = 0; i < b.n; i += 1) order[i] = b.n - 1 - i;
  }
  b.order = order;
  post({ type: 'sorted', key, dir });
}

function rows({ id, start, count }) {
  const b = book;
  if (!b) return;
  const from = Math.max(0, Math.min(start, b.n));
  const to = Math.min(b.n, from + Math.max(0, count));
  const out = [];
  for (let k = from; k < to; k += 1) out.push(rowObject(b, b.order ? b.order[k] : k));
  post({ type: 'rows', id, start: from, rows: out, total: b.n });
}

/** The results as CSV (UTF-8 with a byte-order mark, so spreadsheets read Chinese right), in
 * the table's order, built in parts so a million rows never make one string. */
function exportCsv({ yes = 'yes', no = 'no' } = {}) {
  const b = book;
  if (!b || !fields) return;
  const parts = ['\ufeff', `${fields.join(',')}\r\n`];
  const flags = new Set([at.overLimit, at.review]);
  const text = new Set([at.reference, at.name]);
  let part = [];
  for (let k = 0; k < b.n; k += 1) {
    const f = b.lines[b.order ? b.order[k] : k].split(FIELD);
    part.push(f.map((v, j) => (flags.has(j) ? (v === '1' ? yes : no) : text.has(j) ? csvCell(v) : v)).join(','));
    if (part.length === 10000) {
      parts.push(`${part.join('\r\n')}\r\n`);
      part = [];
    }
  }
  if (part.length) parts.push(`${part.join('\r\n')}\r\n`);
  post({ type: 'export', blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) });
}

// The engine is loaded as the worker starts (the page starts it when it opens): a run then
// fetches nothing, and the page knows when the first run can start at once.
loadPortfolioEngine().then(() => post({ type: 'ready' }), () => {}); // a failure is reported by the run

self.onmessage = (event) => {
  const m = event.data ?? {};
  switch (m.type) {
    case 'run':
      start(m);
      break;
    case 'cancel':
      cancel();
      break;
    case 'sort':
      sort(m);
      break;
    case 'rows':
      rows(m);
      break;
    case 'export':
      exportCsv(m);
      break;
    default:
      break;
  }
};
