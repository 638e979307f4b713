import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type QueueName = Schemas['QueueName'];
export type Queue = Schemas['QueueDto'];
export type QueueJob = Schemas['QueueJobDto'];
export type QueueJobState = Schemas['QueueJobState'];
export type QueueJobPage = Schemas['QueueJobPageDto'];
