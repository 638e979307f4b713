import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** Where a development installation keeps its own key, relative to the project root. */
export const DEFAULT_SECRETS_KEY_FILE = '.svara/secrets.key';

export interface DevelopmentKey {
  key: Buffer;
  /** Absolute path of the key file. */
  file: string;
  /** True when this process made the file. */
  created: boolean;
}

const KEY_TEXT = /^[0-9a-f]{64}$/;

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

function readKey(file: string): Buffer {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `${file} may be read by others (mode ${mode.toString(8)}): chmod 600 ${JSON.stringify(file)}`,
    );
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!KEY_TEXT.test(text)) throw new Error(`${file} does not hold a key (64 hex digits)`);
  return Buffer.from(text, 'hex');
}

/**
 * The development key of this installation: 32 random bytes in a file only
 * its owner may read, made on the first start and read by every later one.
 * Processes starting together (api, worker, scheduler, migration) each write
 * a complete candidate and link it into place; link() lets exactly one
 * succeed, so they all read that one and no reader sees a half-written file.
 */
export function developmentSecretsKey(file: string): DevelopmentKey {
  const target = path.resolve(file);
  try {
    return { key: readKey(target), file: target, created: false };
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const candidate = `${target}.${process.pid}.${randomBytes(6).toString('hex')}`;
  const fd = openSync(candidate, 'wx', 0o600);
  let created = false;
  try {
    writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
    fsyncSync(fd);
    closeSync(fd);
    linkSync(candidate, target);
    created = true;
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  } finally {
    unlinkSync(candidate);
  }
  return { key: readKey(target), file: target, created };
}
