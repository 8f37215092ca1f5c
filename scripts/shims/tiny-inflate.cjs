// tiny-inflate's interface (inflate(source, dest) → dest, or its filled part) on Node's own zlib,
// for the bundled CLI (scripts/bundle.mjs). tiny-inflate is a pure-JavaScript inflater made for
// browsers; unicode-trie (under fontkit, unicode-properties and linebreak) inflates its tables with it
// at every start, ~20 ms in a cold process, where zlib takes well under 1 ms. Raw deflate streams
// give the same bytes either way (tests/build/tiny-inflate-shim.test.ts); anything zlib refuses, or
// that would not fit `dest`, goes to tiny-inflate itself.
'use strict';
const { inflateRawSync } = require('node:zlib');

let jsInflate;
function fallback(source, dest) {
  jsInflate ??= require('tiny-inflate/index.js');
  return jsInflate(source, dest);
}

module.exports = function inflate(source, dest) {
  let out;
  try {
    out = inflateRawSync(source);
  } catch {
    return fallback(source, dest);
  }
  if (out.length > dest.length) return fallback(source, dest);
  dest.set(out);
  if (out.length < dest.length) return typeof dest.slice === 'function' ? dest.slice(0, out.length) : dest.subarray(0, out.length);
  return dest;
};
