// pdfmake's modules as our ES modules see them (declarations in pdfmake-modules.d.ts).
/**
 * The class a pdfmake module exports. Its modules are Babel-compiled CommonJS (`exports.default`):
 * Node and esbuild give the whole `exports` as the default import, Vite (the tests) gives
 * `exports.default`.
 */
export function pdfmakeClass(mod: unknown): { prototype: Record<string, unknown> } {
  const m = mod as { prototype?: unknown; default?: unknown };
  return (typeof m === 'function' ? m : m.default) as { prototype: Record<string, unknown> };
}
