// Template specs compiled when the CLI was bundled, by template source. Empty here: in the bundle,
// scripts/bundle.mjs replaces this module with the specs of the shipped templates (templates/*.md.hbs),
// each made by precompileTemplate (render/templates.ts) after the same checks a build runs. A build whose
// template is exactly one of those sources takes its spec instead of compiling the source again
// (Handlebars' compiler and `new Function` are ~3 % of a cold seed build); any other source is compiled
// in the process as before. The specs are code of the tool, made at install time, never read from out/.
export const PRECOMPILED: ReadonlyMap<string, unknown> = new Map();
