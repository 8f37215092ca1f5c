// OpenCC's dictionaries grouped by the first character of each key (dist/data/opencc-cn-<variant>.json,
// an index, and .dat, the groups' texts),
// so a build reads the few groups its texts need instead of loading opencc-js's 1 MB of dictionaries and
// indexing all of them (~40 ms of a cold build). Made from the installed opencc-js by the converter's
// own code (dist/pipeline/localize/opencc.js, from tsc), and used only while that version is installed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';

const { conversionPlan, dictionaryGroups, groupEntries, openccVersion, packGroups } = await import(new URL('../dist/pipeline/localize/opencc.js', import.meta.url).href);
const version = openccVersion();
const dir = new URL('../dist/data/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const variant of ['tw', 'hk']) {
  const stageGroups = dictionaryGroups(variant).map((group) => {
    const groups = {};
    groupEntries(group, (key, value) => {
      if (!key) return; // as the converter's index: no empty keys
      if (key.includes('|') || key.includes(' ') || value.includes('|')) throw new Error(`OpenCC entry that "key value|…" cannot hold: ${JSON.stringify([key, value])}`);
      const first = String.fromCodePoint(key.codePointAt(0));
      groups[first] = groups[first] === undefined ? `${key} ${value}` : `${groups[first]}|${key} ${value}`;
    });
    return groups;
  });
  const { stages, bytes } = packGroups(stageGroups);
  const plan = conversionPlan(variant);
  // the texts first, then the index that points into them
  for (const [ext, content] of [
    ['dat', bytes],
    ['json', JSON.stringify({ opencc: version, plan: { normalization: plan.normalization.length, segmentation: !!plan.segmentation }, stages, bytes: bytes.length })],
  ]) {
    const file = new URL(`opencc-cn-${variant}.${ext}`, dir);
    const tmp = new URL(`opencc-cn-${variant}.${ext}.${process.pid}.tmp`, dir);
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  }
}
