export * from './apps';
export * from './eventually';
export * from './factories';
export * from './http';
export * from './test-env';
export * from './smtp-receiver';
export * from './sla';
