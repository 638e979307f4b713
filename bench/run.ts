// npm run bench: the machine's ceiling, then the pipeline's benchmarks, in one
// run, so that ratios are between figures measured side by side.
//
// The inbox benchmark needs its 1,000,000-thread database seeded first (about
// 8 minutes): it runs when BENCH_INBOX=1, after `npm run bench:seed-inbox`.
// BENCH_ONLY=ingest runs the ceiling and the Meta ingest alone.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bullmqNoopJobsPerSecond, ceiling } from './ceiling';
import { machine, report } from './support';

function runBenchmark(script: string, env: Record<string, string> = {}): Promise<string> {
  console.log(`\n## ${script}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, `${script}.js`)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

const rate = (output: string, pattern: RegExp): number => {
  const match = output.match(pattern);
  return match ? Number(match[1]!.replace(/,/g, '')) : NaN;
};

async function main(): Promise<void> {
  console.log(`# Svara benchmarks, ${new Date().toISOString()}\n${machine()}`);
  const [bullmq, postgres] = await ceiling();

  // Poll → queue → normalize → Postgres, with 3 new messages per thread.
  const meta = await runBenchmark('meta-poll', {
    BENCH_CONVERSATIONS: process.env.BENCH_CONVERSATIONS ?? '10000',
    BENCH_MESSAGES_PER_CONVERSATION: process.env.BENCH_MESSAGES_PER_CONVERSATION ?? '3',
  });
  const ingest = rate(meta, /throughput\s+([\d,]+) messages\/s/);
  // The machine's speed drifts: the ratio is taken against the higher of two
  // ceilings measured right before and right after the ingest.
  const [bullmqAfter] = report('Ceiling again, after the ingest', [
    {
      name: 'BullMQ no-op processor',
      value: Math.round(await bullmqNoopJobsPerSecond()),
      unit: 'jobs/s',
    },
  ]);
  const bullmqCeiling = Math.max(bullmq!.value, bullmqAfter!.value);
  const rss = (app: string) => rate(meta, new RegExp(`peak RSS ${app}\\s+(\\d+) MB`));
  const ingestOnly = process.env.BENCH_ONLY === 'ingest';
  const email = ingestOnly ? NaN : rate(await runBenchmark('email-ingest'), /^(\d+) mails\/s/m);
  if (!ingestOnly) await runBenchmark('sla-scan');
  if (!ingestOnly && process.env.BENCH_INBOX === '1') await runBenchmark('inbox');

  report('Summary', [
    {
      name: 'BullMQ no-op ceiling',
      value: bullmqCeiling,
      unit: 'jobs/s',
      note: `higher of ${bullmq!.value} before and ${bullmqAfter!.value} after the ingest`,
    },
    { name: 'Postgres batched-insert ceiling', value: postgres!.value, unit: 'rows/s' },
    {
      name: 'Ingest end to end (Graph poll, 3 messages a thread)',
      value: ingest,
      unit: 'messages/s',
    },
    {
      name: 'Ingest ÷ BullMQ no-op ceiling',
      value: ingest / bullmqCeiling,
      unit: '',
      note: 'target at least 0.4',
    },
    {
      name: 'Peak RSS of the worker during the ingest',
      value: rss('worker'),
      unit: 'MB',
      note: 'target under 300',
    },
    {
      name: 'Peak RSS of the api during the ingest',
      value: rss('api'),
      unit: 'MB',
      note: 'target under 300',
    },
    ...(ingestOnly
      ? []
      : [{ name: 'E-mail ingest end to end (IMAP)', value: email, unit: 'mails/s' }]),
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
