import { AppConfig, ConfigError, developmentKeyWarning, loadConfig } from './app-config';

/** For process entry points: a bad environment stops the process with a readable message. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    const config = loadConfig(source);
    const warning = developmentKeyWarning(config);
    if (warning) process.stderr.write(`warning: ${warning}\n`);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/**
 * For `npm run admin:create`: the config, and the password from ADMIN_PASSWORD
 * if it is set. The command names its admin itself, so the server's
 * first-start pair (ADMIN_EMAIL with ADMIN_PASSWORD) is not applied.
 */
export function loadAdminCommandConfigOrExit(source: NodeJS.ProcessEnv = process.env): {
  config: AppConfig;
  password?: string;
} {
  const { ADMIN_PASSWORD: password, ADMIN_EMAIL: _email, ...rest } = source;
  return { config: loadConfigOrExit(rest), password: password || undefined };
}
