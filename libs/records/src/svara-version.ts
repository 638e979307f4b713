import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** Svara's own version (package.json), as packages record which release made them. */
export function svaraVersion(): string {
  if (cached) return cached;
  // The same walk up finds package.json from the sources (tests) and from dist/ (production).
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'svara' && manifest.version) return (cached = manifest.version);
    } catch {
      // No readable package.json here: keep climbing.
    }
    if (path.dirname(dir) === dir) return (cached = 'unknown');
  }
}
