import { spawnSync } from 'node:child_process';

/** One sample line of the exposition: `name{labels} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([A-Za-z_]\w*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Checks an exposition with Prometheus's own promtool (`check metrics`): the
 * text format must parse and Svara's own metrics must pass its naming lint.
 * Node's default metrics (prom-client's names, e.g. a gauge ending in _total)
 * are not Svara's to rename, so lint notes on them are let through.
 */
export function checkWithPromtool(exposition: string): void {
  const result = spawnSync('promtool', ['check', 'metrics'], {
    input: exposition,
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`promtool could not run: ${result.error.message}`);
  const problems = `${result.stderr}${result.stdout}`
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => /pars|error/i.test(line) || line.startsWith('svara_'));
  if (result.status !== 0 && problems.length > 0) {
    throw new Error(`promtool check metrics:\n${problems.join('\n')}`);
  }
}

export interface Scrape {
  samples: Sample[];
  /** Every metric family the exposition declares (`# TYPE`), with or without samples yet. */
  families: Set<string>;
}

/** GET a /metrics URL, check it with promtool and read its samples. */
export async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('text/plain')) throw new Error(`${url} is ${contentType}`);
  const text = await response.text();
  checkWithPromtool(text);
  const lines = text.split('\n');
  const families = new Set(
    lines.flatMap((line) => (line.startsWith('# TYPE ') ? [line.split(' ')[2]!] : [])),
  );
  const samples = lines.flatMap((line): Sample[] => {
    const match = SAMPLE_LINE.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key!, value!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
  return { samples, families };
}

/** The sum of the samples named `name` whose labels include `labels`; 0 when there are none. */
export function valueOf(scraped: Scrape, name: string, labels: Record<string, string> = {}) {
  return scraped.samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}
