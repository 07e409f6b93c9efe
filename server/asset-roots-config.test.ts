import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { readConfig } from './config';

const dir = mkdtempSync(join(tmpdir(), 'np-console-asset-roots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NP_CONSOLE_ASSET_ROOTS', () => {
  it('is empty by default: only demo-apps/ runs', () => {
    const result = readConfig({});
    expect(result.ok && result.config.assetRoots).toEqual([]);
  });

  it('takes comma-separated absolute folders, normalized', () => {
    const second = mkdtempSync(join(dir, 'second-'));
    const result = readConfig({ NP_CONSOLE_ASSET_ROOTS: ` ${dir}/ , ${second}/../${basename(second)},` });
    expect(result).toMatchObject({ ok: true, config: { assetRoots: [dir, second] } });
  });

  it('refuses a relative path and a path that is not a folder, naming each', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = readConfig({ NP_CONSOLE_ASSET_ROOTS: `apps,${file},${join(dir, 'missing')}` });
    expect(result).toEqual({
      ok: false,
      errors: [
        'NP_CONSOLE_ASSET_ROOTS: NP_CONSOLE_ASSET_ROOTS must list absolute paths, comma-separated (got "apps")',
        `NP_CONSOLE_ASSET_ROOTS: NP_CONSOLE_ASSET_ROOTS names ${file}, which is not a folder on this machine`,
        `NP_CONSOLE_ASSET_ROOTS: NP_CONSOLE_ASSET_ROOTS names ${join(dir, 'missing')}, which is not a folder on this machine`,
      ],
    });
  });
});
