import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeTempDir } from '../../support/temp-dir';

const ROOT = resolve(__dirname, '../../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the project's boundary rules over a tree of small files; its violations. */
function cruise(files: Record<string, string>): {
  violations: Violation[];
  /** What `npm run lint` prints and exits with for the same tree. */
  lint: { status: number | null; output: string };
} {
  const temp = makeTempDir('boundaries-');
  const dir = temp.path;
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2022', strict: true } }),
    );
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = (outputType: string) =>
      spawnSync(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', outputType], {
        cwd: dir,
        encoding: 'utf8',
      });
    const json = JSON.parse(run('json').stdout) as { summary: { violations: Violation[] } };
    const lint = run('err-long');
    return {
      violations: json.summary.violations,
      lint: { status: lint.status, output: lint.stdout + lint.stderr },
    };
  } finally {
    temp.remove();
  }
}

/** `rule: from -> to`, a package named by its name (its resolved file lies outside the tree). */
const pairs = (v: Violation[]) =>
  v
    .map((x) => {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(x.to);
      return `${x.rule.name}: ${x.from} -> ${pkg ? pkg[1] : x.to}`;
    })
    .sort();

describe('the boundaries npm run lint holds (dependency-cruiser)', () => {
  it('passes a tree that keeps them', () => {
    const { lint, violations } = cruise({
      'src/common/money.ts': 'export const pence = 100;\n',
      'src/ledger/assets/asset.rules.ts':
        "import { pence } from '../../common/money';\nexport const rule = pence;\n",
      'src/ledger/assets/http/asset.module.ts':
        "import { Module } from '@nestjs/common';\nimport { rule } from '../asset.rules';\n@Module({})\nexport class M {}\nexport const r = rule;\n",
      'src/projections/register.ts':
        "import { rule } from '../ledger/assets/asset.rules';\nexport const r = rule;\n",
      'src/reports/statement.ts': 'export const s = 1;\n',
      'src/app.module.ts': "import { s } from './reports/statement';\nexport const a = s;\n",
    });
    expect(violations).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('fails on each broken rule, naming it', () => {
    const { lint, violations } = cruise({
      // a cycle
      'src/common/time/iso.ts': "import { london } from './london';\nexport const iso = london;\n",
      'src/common/time/london.ts':
        "import { iso } from './iso';\nexport const london = () => iso;\n",
      // a domain file reaching for NestJS, the store, command handling, I/O and the read side
      'src/ledger/assets/seizure.rules.ts': [
        "import { Injectable } from '@nestjs/common';",
        "import { readFileSync } from 'fs';",
        "import Database from 'better-sqlite3';",
        "import { store } from '../../event-store/store';",
        "import { handle } from '../command-handling/handler';",
        'export const all = [Injectable, readFileSync, Database, store, handle];',
        '',
      ].join('\n'),
      'src/event-store/store.ts': 'export const store = 1;\n',
      'src/ledger/command-handling/handler.ts': 'export const handle = 1;\n',
      // the write side reading the read side
      'src/ledger/cases/http/cases.controller.ts':
        "import { db } from '../../../projections/db';\nexport const c = db;\n",
      'src/projections/db.ts': 'export const db = 1;\n',
      // the read side using a controller of the write side
      'src/projections/case-file.ts':
        "import { c } from '../ledger/cases/http/cases.controller';\nexport const f = c;\n",
      // auth knowing the ledger
      'src/auth/guard.ts':
        "import { rule } from '../ledger/recovery/aris';\nexport const g = rule;\n",
      'src/ledger/recovery/aris.ts': 'export const rule = 1;\n',
      // a report imported by a projection
      'src/projections/uses-report.ts':
        "import { s } from '../reports/statement';\nexport const u = s;\n",
      'src/reports/statement.ts': 'export const s = 1;\n',
      // common importing the app
      'src/common/problem.ts':
        "import { store } from '../event-store/store';\nexport const p = store;\n",
      // an import that does not resolve
      'src/ledger/decider.ts': "import { gone } from './nowhere';\nexport const d = gone;\n",
    });
    expect(pairs(violations)).toEqual(
      [
        'auth-not-ledger: src/auth/guard.ts -> src/ledger/recovery/aris.ts',
        'common-is-a-leaf: src/common/problem.ts -> src/event-store/store.ts',
        'domain-does-no-io: src/ledger/assets/seizure.rules.ts -> fs',
        'domain-is-pure: src/ledger/assets/seizure.rules.ts -> @nestjs/common',
        'domain-is-pure: src/ledger/assets/seizure.rules.ts -> src/event-store/store.ts',
        'domain-is-pure: src/ledger/assets/seizure.rules.ts -> src/ledger/command-handling/handler.ts',
        'domain-no-io-packages: src/ledger/assets/seizure.rules.ts -> better-sqlite3',
        'ledger-not-read-side: src/ledger/cases/http/cases.controller.ts -> src/projections/db.ts',
        'no-cycles: src/common/time/iso.ts -> src/common/time/london.ts',
        'not-to-unresolvable: src/ledger/decider.ts -> ./nowhere',
        'read-side-not-http-of-ledger: src/projections/case-file.ts -> src/ledger/cases/http/cases.controller.ts',
        'reports-only-from-app-and-cli: src/projections/uses-report.ts -> src/reports/statement.ts',
      ].sort(),
    );
    expect(lint.status).not.toBe(0);
    expect(lint.output).toContain(
      'error ledger-not-read-side: src/ledger/cases/http/cases.controller.ts → src/projections/db.ts',
    );
  });
});
