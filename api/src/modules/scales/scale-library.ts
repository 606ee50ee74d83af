import fs from 'node:fs';
import path from 'node:path';
import { scaleDefinition, type ScaleDefinition } from './scale-definition.schema';

// Reads content/scales/*.json, validates every file and returns the scales residents may take, keyed by code.
// Any invalid file stops the load: a half-loaded library could score someone with a broken definition.

export const SCALES_DIR = path.resolve(__dirname, '../../../../content/scales');

function formatIssues(file: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${file} ${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('\n');
}

/** Every scale file in `dir`, validated, including the ones that need permission. Throws on the first bad library. */
export function loadAllScaleDefinitions(dir: string = SCALES_DIR): ScaleDefinition[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const errors: string[] = [];
  const defs: ScaleDefinition[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      errors.push(`${file}: 不是有效的 JSON（${(e as Error).message}）`);
      continue;
    }
    const parsed = scaleDefinition.safeParse(json);
    if (!parsed.success) { errors.push(formatIssues(file, parsed.error.issues)); continue; }
    if (file !== `${parsed.data.code}.json`) errors.push(`${file}: 文件名应为 ${parsed.data.code}.json`);
    defs.push(parsed.data);
  }
  const codes = new Set(defs.map((d) => d.code));
  for (const d of defs) {
    for (const b of [...(d.bands ?? []), ...d.subscales.flatMap((s) => s.bands ?? [])]) {
      for (const step of b.next) {
        if (step.kind === 'retest' && !codes.has(step.topic)) errors.push(`${d.code}.json: 分段 ${b.key} 建议复测的量表 ${step.topic} 不存在`);
      }
    }
  }
  if (errors.length > 0) throw new Error(`量表库有问题：\n${errors.join('\n')}`);
  return defs;
}

/**
 * The scales to offer, keyed by code. Scales with `requiresPermission` (EPDS, AD8) are left out unless their code
 * is in `enabledWithPermission`, which configuration sets only once the written permission is on file.
 */
export function loadScaleLibrary(options: { enabledWithPermission?: readonly string[]; dir?: string } = {}): ReadonlyMap<string, ScaleDefinition> {
  const all = loadAllScaleDefinitions(options.dir);
  const enabled = options.enabledWithPermission ?? [];
  for (const code of enabled) {
    const def = all.find((d) => d.code === code);
    // A typo here would silently keep a scale off (or suggest one is licensed that needs nothing): fail loudly.
    if (!def) throw new Error(`enabledWithPermission 中的量表 ${code} 不存在`);
    if (!def.requiresPermission) throw new Error(`量表 ${code} 不需要授权，不应列在 enabledWithPermission 中`);
  }
  return new Map(all.filter((d) => !d.requiresPermission || enabled.includes(d.code)).map((d) => [d.code, d]));
}
