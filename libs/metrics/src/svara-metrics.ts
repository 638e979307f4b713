import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type ProcessName = 'api' | 'worker' | 'scheduler';

/** Seconds; from a fast API answer to a long retention chunk. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Every metric Svara exports, in one registry per process. Names and labels are
 * what dashboards and alert rules (deploy/) query: keep them stable.
 */
@Injectable()
export class SvaraMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'svara_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'svara_job_duration_seconds',
    help: 'Jobs run by this worker, by queue, job name and outcome (completed or failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly messagesIngested = new Counter({
    name: 'svara_messages_ingested_total',
    help: 'Messages stored by ingest, by channel type and direction',
    labelNames: ['channel_type', 'direction'] as const,
    registers: [this.registry],
  });

  readonly polls = new Counter({
    name: 'svara_channel_polls_total',
    help: 'Channel polls, by channel and outcome (ok, error, throttled)',
    labelNames: ['channel_id', 'channel_type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly slaScanDuration = new Histogram({
    name: 'svara_sla_scan_duration_seconds',
    help: 'Duration of the SLA scan',
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly slaScanThreadsFound = new Counter({
    name: 'svara_sla_scan_threads_found_total',
    help: 'Threads the SLA scan found due for a warning, breach or escalation step',
    registers: [this.registry],
  });

  readonly slaScanLastRun = new Gauge({
    name: 'svara_sla_scan_last_run_timestamp_seconds',
    help: 'When the SLA scan last finished (Unix time); alerts fire when it stops moving',
    registers: [this.registry],
  });

  readonly escalationMails = new Counter({
    name: 'svara_escalation_mails_total',
    help: 'Escalation e-mails, by outcome (sent, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly eventStreamClients = new Gauge({
    name: 'svara_event_stream_clients',
    help: 'Clients connected to the live event stream (GET /events)',
    registers: [this.registry],
  });

  constructor(process: ProcessName) {
    this.registry.setDefaultLabels({ process });
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * A gauge read when Prometheus scrapes: `read` gives its samples, at most
   * once per `maxAgeMs` (scrapes in between get the figures read last), so
   * frequent scrapes do not load the database. A read that fails leaves the
   * gauge empty for that scrape instead of failing the whole scrape.
   */
  scrapedGauge<Label extends string>(options: {
    name: string;
    help: string;
    labelNames: readonly Label[];
    maxAgeMs: number;
    read: () => Promise<{ labels: Record<Label, string>; value: number }[]>;
  }): void {
    let last:
      { at: number; samples: { labels: Record<Label, string>; value: number }[] } | undefined;
    const { read, maxAgeMs } = options;
    new Gauge<Label>({
      name: options.name,
      help: options.help,
      labelNames: options.labelNames,
      registers: [this.registry],
      async collect() {
        if (!last || Date.now() - last.at >= maxAgeMs) {
          const samples = await read().catch(() => undefined);
          last = samples ? { at: Date.now(), samples } : undefined;
        }
        this.reset();
        for (const sample of last?.samples ?? []) {
          this.set(sample.labels as Partial<Record<Label, string | number>>, sample.value);
        }
      },
    });
  }
}
