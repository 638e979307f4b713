export { API_PREFIX, BODY_LIMIT, configureApp } from './configure-app';
export { type ErrorBody, ErrorResponseFilter } from './error-response.filter';
export { HealthController } from './health.controller';
export { IS_PUBLIC, Public } from './public.decorator';
export { strictValidationPipe } from './validation';
export { IsTagList } from './tag-list';
export { RateLimitGuard } from './rate-limit.guard';
export { LogPageQuery } from './log-page.query';
export { IdParam } from './id-param';
