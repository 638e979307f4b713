/**
 * Loads an ES-module-only package (openid-client, oidc-provider) from Svara's
 * CommonJS build. tsc, compiling to CommonJS, rewrites a written `import()`
 * into `require()`, which cannot load every ES module (one with top-level
 * await, or on a Node without require(esm)); the import below is compiled
 * at run time, so it stays a real `import()` and Node's ES module loader
 * runs it. Jest's module sandbox cannot run it without the experimental
 * --experimental-vm-modules, so tests exercise it, and the code that uses it,
 * in the built apps as their own processes (test/integration/esm-import and oidc).
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

export function importEsm<Module>(specifier: string): Promise<Module> {
  return nativeImport(specifier) as Promise<Module>;
}
