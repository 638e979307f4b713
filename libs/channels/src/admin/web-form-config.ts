import { InvalidInput } from '@svara/common';

/** WEB_FORM config: `allowedOrigins?` (exact origins like https://kommun.se). */
export function webFormConfig(config: Record<string, unknown>): { allowedOrigins?: string[] } {
  const unknownKeys = Object.keys(config).filter((key) => key !== 'allowedOrigins');
  if (unknownKeys.length)
    throw new InvalidInput(`config.${unknownKeys[0]} is not a WEB_FORM setting`);
  const origins = config.allowedOrigins;
  if (origins === undefined) return {};
  if (
    !Array.isArray(origins) ||
    origins.some((origin) => typeof origin !== 'string' || !/^https?:\/\/[^/\s]+$/.test(origin))
  ) {
    throw new InvalidInput(
      'config.allowedOrigins must be a list of origins like https://kommun.se',
    );
  }
  return { allowedOrigins: origins as string[] };
}
