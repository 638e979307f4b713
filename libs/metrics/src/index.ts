export { httpMetricsMiddleware, metricsHandler } from './http-metrics.middleware';
export { METRICS_PATH, MetricsServer } from './metrics-server';
export { MetricsModule } from './metrics.module';
export { type ProcessName, SvaraMetrics } from './svara-metrics';
