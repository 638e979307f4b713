export {
  FAULTS,
  type Fault,
  FakeGraphServer,
  graphTime,
  mostAtOnce,
  type RecordedRequest,
  type UploadedPart,
} from './server';
export type { FakeAccount, FakeComment, FakeMessage, FakeObject, FakePerson } from './store';
export { permalinkOf } from './store';
export { commentWebhook, messageWebhook, serializeWebhook, signWebhook } from './webhooks';
export { seedMessenger } from './seed';
