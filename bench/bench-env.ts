/** The benchmarks' own database, never a developer's or production's. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/svara_bench_inbox';

export const BENCH_ADMIN = { email: 'bench.admin@kommun.se', password: 'bench admin password' };
export const BENCH_AGENT = { email: 'bench.agent@kommun.se', password: 'bench agent password' };
/** The one thread seeded with 200 messages. */
export const LONG_THREAD_ID = '00000000-0000-4000-8000-000000000200';
