import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HELPER = path.resolve(__dirname, '../../dist/libs/common/src/esm-import.js');

// The helper as the built apps run it: compiled to CommonJS by tsc, in plain
// Node (Jest's sandbox cannot run a real import() without experimental flags).
async function inNode(script: string): Promise<string> {
  if (!existsSync(HELPER)) throw new Error(`${HELPER} is missing: run npm run build first`);
  const { stdout } = await run(process.execPath, [
    '-e',
    `const { importEsm } = require(${JSON.stringify(HELPER)});\n${script}`,
  ]);
  return stdout.trim();
}

describe('importEsm in the CommonJS build', () => {
  it('loads the ES-module-only OpenID Connect client', async () => {
    const output = await inNode(
      `importEsm('openid-client').then((m) => console.log(typeof m.discovery, typeof m.authorizationCodeGrant));`,
    );
    expect(output).toBe('function function');
  });

  it('loads an ES module with top-level await, which require() cannot', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'svara-esm-'));
    const file = path.join(folder, 'awaits.mjs');
    writeFileSync(file, 'export const value = await Promise.resolve(42);\n');
    const url = pathToFileURL(file).href;
    const output = await inNode(
      `let required = 'loaded';
       try { require(${JSON.stringify(file)}); } catch (error) { required = error.code; }
       importEsm(${JSON.stringify(url)}).then((m) => console.log(required, m.value));`,
    );
    expect(output).toBe('ERR_REQUIRE_ASYNC_MODULE 42');
  });
});
