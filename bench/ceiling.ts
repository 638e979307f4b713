import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { BENCH_REDIS_URL, benchDatabase, type Figure, report } from './support';

// What the machine itself allows, measured in the same run as the pipeline:
// BullMQ with a processor that does nothing, and Postgres batched inserts of
// rows the size of a message.

export async function bullmqNoopJobsPerSecond(jobs = 20_000): Promise<number> {
  const prefix = `svara-bench-ceiling-${process.pid}`;
  const connection = { url: BENCH_REDIS_URL, maxRetriesPerRequest: null };
  const queue = new Queue('noop', { connection, prefix });
  await queue.obliterate({ force: true });
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - i) }, (_, j) => ({
        name: 'noop',
        data: { n: i + j },
        opts: { removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  const started = Date.now();
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('noop', async () => undefined, {
      connection,
      prefix,
      concurrency: 50,
    });
    worker.on('completed', () => {
      done += 1;
      if (done === jobs) void worker.close().then(resolve);
    });
  });
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}

export async function postgresInsertRowsPerSecond(rows = 100_000, batch = 1000): Promise<number> {
  const database = await benchDatabase('ceiling');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE bench_rows (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), thread uuid, external text UNIQUE, text text, sent timestamptz)',
    );
    const text = 'Hej! Soporna hämtades inte i tisdags på Storgatan. '.repeat(8);
    const started = Date.now();
    for (let i = 0; i < rows; i += batch) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let j = 0; j < batch && i + j < rows; j += 1) {
        const n = values.length;
        tuples.push(`(gen_random_uuid(), $${n + 1}, $${n + 2}, now())`);
        values.push(`ext-${i + j}`, text);
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_rows (thread, external, text, sent) VALUES ${tuples.join(',')} ON CONFLICT DO NOTHING`,
        values,
      );
      await client.query('COMMIT');
    }
    return rows / ((Date.now() - started) / 1000);
  } finally {
    await client.end();
    await database.drop();
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

let warmedUp = false;

/**
 * BullMQ's no-op throughput `runs` times in a row, jobs/s each. The first
 * call starts with a run that is not counted: the process's first runs are
 * slower (code not yet compiled), which would flatter every ratio to them.
 */
export async function bullmqNoopRuns(runs: number): Promise<number[]> {
  if (!warmedUp) await bullmqNoopJobsPerSecond(5000);
  warmedUp = true;
  const rates: number[] = [];
  for (let run = 0; run < runs; run += 1) rates.push(Math.round(await bullmqNoopJobsPerSecond()));
  return rates;
}

export async function ceiling(): Promise<Figure[]> {
  const runs = await bullmqNoopRuns(3);
  return report('Ceiling (same machine, same run)', [
    {
      name: 'BullMQ no-op processor',
      value: median(runs),
      unit: 'jobs/s',
      note: `median of ${runs.join(', ')}`,
    },
    {
      name: 'Postgres batched inserts (1,000 rows a batch)',
      value: Math.round(await postgresInsertRowsPerSecond()),
      unit: 'rows/s',
    },
  ]);
}

if (require.main === module) {
  ceiling().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
