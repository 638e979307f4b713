import { AppConfig, ConfigError, loadConfig } from './app-config';

/** For process entry points: a bad environment stops the process with a readable message. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
