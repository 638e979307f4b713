import type { NextFunction, Request, Response } from 'express';
import type { SvaraMetrics } from './svara-metrics';

/**
 * Times every HTTP answer by its route template (`/api/v1/threads/:id`, never
 * the id itself, so label values stay few); requests no route matched count
 * under `unmatched`.
 */
export function httpMetricsMiddleware(metrics: SvaraMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      const route = request.route as { path?: unknown } | undefined;
      end({
        method: request.method,
        route: typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}

/** GET /metrics on the api's own port. */
export function metricsHandler(metrics: SvaraMetrics) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    metrics.registry
      .metrics()
      .then((body) => response.type(metrics.registry.contentType).send(body), next);
  };
}
