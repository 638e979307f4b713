import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { MetricsServer } from './metrics-server';
import { type ProcessName, SvaraMetrics } from './svara-metrics';

@Global()
@Module({})
export class MetricsModule {
  /**
   * The process's metrics. The worker and the scheduler also serve them on
   * their metrics port; the api serves them at /metrics on its own port.
   */
  static forRoot(process: ProcessName): DynamicModule {
    const server =
      process === 'api'
        ? []
        : [
            {
              provide: MetricsServer,
              inject: [SvaraMetrics, AppConfig],
              useFactory: (metrics: SvaraMetrics, config: AppConfig) =>
                new MetricsServer(metrics, config.metrics.host, config.metrics.ports[process]),
            },
          ];
    return {
      module: MetricsModule,
      providers: [
        { provide: SvaraMetrics, useFactory: () => new SvaraMetrics(process) },
        ...server,
      ],
      exports: [SvaraMetrics, ...server.map((provider) => provider.provide)],
    };
  }
}
