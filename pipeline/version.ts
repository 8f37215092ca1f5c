// The tool's version, part of every output's digest: bump it when output for the same input changes.
export const VERSION = '0.1.0';
