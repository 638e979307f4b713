export { AppConfig, BOOTSTRAP_ADMIN_NAME, ConfigError, loadConfig } from './app-config';
export { ConfigModule } from './config.module';
export { loadAdminCommandConfigOrExit, loadConfigOrExit } from './load-or-exit';
export type { AttachmentLimits, BlobStoreConfig } from './blob-config';
export type { OidcConfig } from './oidc-config';
export {
  GRANTABLE_ROLES,
  type GrantableRole,
  type GroupMap,
  grantsFor,
  mappedTeams,
  parseGroupMap,
} from './oidc-group-map';
