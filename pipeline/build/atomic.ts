// Every output is written to a temporary file in the same directory, flushed, and renamed into place:
// a build killed at any moment leaves each output either its old or its new complete version.
import writeFileAtomic from 'write-file-atomic';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, typeof data === 'string' ? data : Buffer.from(data), { fsync: true });
}

export function writeAtomicSync(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, typeof data === 'string' ? data : Buffer.from(data), { fsync: true });
}

export function removeIfExists(file: string): void {
  if (existsSync(file)) rmSync(file, { force: true, recursive: true });
}
