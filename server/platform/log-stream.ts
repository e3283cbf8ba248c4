// Where the API process's log lines go: standard output, in batches. pino writes each line with its own
// write(2), and a system call costs ≈ 100 µs of CPU on this machine kind: one line per request was 8 % of
// the server's time in the intake bench and 20 % in the lookup bench (docs/benchmarks.md). Lines are
// kept in order in memory and written together when `maxBytes` have gathered, `flushMs` after the first
// of them, at once for a warning or worse, and at exit (process.stdout is synchronous on Linux for files,
// pipes and terminals, so an exit handler's write lands). A SIGKILL loses at most `flushMs` of lines.

export type LogStream = { write: (line: string) => void; flush: () => void };

export type LogStreamOptions = {
  maxBytes?: number;
  flushMs?: number;
  /** Where the batches go (tests); standard output by default. */
  out?: (chunk: string) => void;
};

// pino serialises `level` first: {"level":40,… is a warning, 50 an error, 60 fatal.
const URGENT = /^\{"level":(?:[4-9]\d|\d{3,})[,}]/;

export function batchedLogStream(options: LogStreamOptions = {}): LogStream {
  const maxBytes = options.maxBytes ?? 16_384;
  const flushMs = options.flushMs ?? 200;
  const out = options.out ?? ((chunk: string) => void process.stdout.write(chunk));
  let lines: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (lines.length === 0) return;
    const chunk = lines.join('');
    lines = [];
    bytes = 0;
    out(chunk);
  };

  process.once('exit', flush);
  return {
    write(line) {
      lines.push(line);
      bytes += line.length;
      if (bytes >= maxBytes || URGENT.test(line)) flush();
      else if (timer === null) {
        timer = setTimeout(flush, flushMs);
        timer.unref();
      }
    },
    flush,
  };
}
