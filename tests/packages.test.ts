import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packageVersion } from '../pipeline/packages.js';

const require = createRequire(import.meta.url);
const installed = (pkg: string) => (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

describe('packageVersion', () => {
  it('reads the version of the installed package, scoped or not, with or without exports', () => {
    for (const pkg of ['yaml', 'fontkit', 'opencc-js', '@expo-google-fonts/noto-sans-sc', 'pdfmake', 'unified']) expect(packageVersion(require, pkg), pkg).toBe(installed(pkg));
  });

  it('is undefined for a package that is not installed', () => {
    expect(packageVersion(require, 'no-such-package-briefs-test')).toBeUndefined();
  });
});
