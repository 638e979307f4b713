export * from './apps';
export * from './eventually';
export * from './factories';
export * from './http';
export * from './test-env';
export { TEST_REDIS_URL } from './test-database';
export * from './smtp-receiver';
export * from './private-services';
