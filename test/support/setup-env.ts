import { testEnv } from './test-env';

// Everything the apps read comes from the environment; tests use the run's own stores.
Object.assign(process.env, testEnv());
