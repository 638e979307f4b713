import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import type { MigrationList } from './migration-files';

// Prisma's schema engine, compiled to WebAssembly. It runs the same migration
// logic as `prisma migrate deploy`, but needs no native engine download.

type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] }
  | ({ tag: 'migrations' } & MigrationList);

const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

interface WasmSchemaEngine {
  applyMigrations(input: {
    migrationsList: MigrationList;
    filters: typeof NO_FILTERS;
  }): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: typeof NO_FILTERS;
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

type WasmExports = Record<string, unknown>;

// Node's global WebAssembly, typed only as far as this loader uses it.
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: Record<string, object>) => { exports: WasmExports };
  };
};

interface WasmRuntime {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      debug: (message: string) => void,
      adapter: object,
    ) => Promise<WasmSchemaEngine>;
  };
}

let runtime: Promise<WasmRuntime> | undefined;

async function loadRuntime(): Promise<WasmRuntime> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  // The glue is loaded by path so the .wasm beside it can be found; it is not a typed module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const glue = require(gluePath) as WasmRuntime;
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const instance = new wasm.Instance(new wasm.Module(bytes), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export interface SchemaEngineSession {
  applyMigrations(list: MigrationList): Promise<string[]>;
  /** SQL that takes `from` to `to`; empty when they describe the same schema. */
  diffScript(from: DiffTarget, to: DiffTarget): Promise<string>;
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string): Promise<SchemaEngineSession> {
  runtime ??= loadRuntime();
  const { SchemaEngine } = await runtime;
  // Our own pool, so that closing the session closes its connections too.
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
  return {
    async applyMigrations(list) {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList: list,
        filters: NO_FILTERS,
      });
      return appliedMigrationNames;
    },
    async diffScript(from, to) {
      const result = await engine.diff({
        from,
        to,
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return result.stdout ?? '';
    },
    async close() {
      engine.free();
      await pool.end();
    },
  };
}

export type { DiffTarget };
