// JavaScript source with every non-ASCII character written as a \uXXXX escape (scripts/bundle.mjs).
// Meant for esbuild's output, where such characters are left only in regular expressions (and
// comments): there \uXXXX is the same UTF-16 code unit, and under the u flag a pair of escaped
// surrogates is the one code point they make. An odd run of backslashes before the character
// escapes it (an identity escape, "\“"): the \u escape takes that backslash's place.
export function asciiSource(source) {
  return source.replace(
    /(\\*)([^\x00-\x7f])/g,
    (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
