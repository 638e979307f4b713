export { deriveKey } from './derive-key';
export { SecretBox, SecretsUnreadable } from './secret-box';
export { SecretsModule } from './secrets.module';
