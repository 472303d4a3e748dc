import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUMANS_RULE_PREFIX, OPERATION_RULE_PREFIX, RULE_PUBLIC } from '../../src/graphql/permissions';
import { catalog, isCatalogId } from '../../src/auth/catalog';
import { adminDeclarations } from './declarations';

const SNAPSHOT = path.join(__dirname, 'operation-permissions.json');
const UPDATE = process.env.UPDATE_PERMISSION_SNAPSHOT === '1';
const HUMAN_CONDITIONS = ['anyUser', 'superAdmin', 'credentialManager'];
/** The one admin operation anyone may call. */
const PUBLIC_OPERATIONS = ['Mutation.login'];

/**
 * Catalog ids enforced outside GraphQL, so no resolver declares them. Each must
 * name the route that checks it; keep this list as short as the truth allows.
 */
const REST_ENFORCED_IDS: Record<string, string> = {
  // POST /uploads (multipart, staged files) checks the principal's grants itself.
  'uploads.upload': 'POST /uploads',
};

function problemWith(key: string, rules: string[]): string | null {
  if (rules.length === 0) return 'declares no permission (add @Requires(<catalog id>), @HumansOnly(<condition>) or, for login only, @Public())';
  if (rules.length > 1) return `declares ${rules.length} rules (${rules.join(', ')}); exactly one is allowed`;
  const [rule] = rules;
  if (rule === RULE_PUBLIC) return PUBLIC_OPERATIONS.includes(key) ? null : 'is @Public(), but only login may be public';
  if (rule.startsWith(OPERATION_RULE_PREFIX)) {
    const id = rule.slice(OPERATION_RULE_PREFIX.length);
    return isCatalogId(id) ? null : `requires "${id}", which is not in src/modules/credentials/catalog.ts`;
  }
  if (rule.startsWith(HUMANS_RULE_PREFIX)) {
    const condition = rule.slice(HUMANS_RULE_PREFIX.length);
    return HUMAN_CONDITIONS.includes(condition) ? null : `is @HumansOnly("${condition}"), not one of ${HUMAN_CONDITIONS.join(', ')}`;
  }
  return `has the unknown rule "${rule}"`;
}

describe('admin operation permissions', () => {
  const declarations = adminDeclarations();
  const operations = declarations.filter((d) => d.kind !== 'field');

  it('finds the operations of the admin schema', () => {
    const keys = operations.map((d) => d.key);
    for (const key of ['Mutation.login', 'Mutation.logout', 'Query.me', 'Query.users', 'Query.auditEvents', 'Mutation.updateOrganizationSettings']) {
      expect(keys).toContain(key);
    }
  });

  it('every query and mutation declares exactly one valid permission', () => {
    const problems = declarations
      .map((d) => ({ key: d.key, problem: problemWith(d.key, d.rules) }))
      .filter((p) => p.problem)
      .map((p) => `${p.key} ${p.problem}`);
    expect(problems, `undeclared or badly declared admin operations:\n${problems.join('\n')}`).toEqual([]);
  });

  it('the check rejects what a careless declaration looks like', () => {
    expect(problemWith('Query.newThing', [])).toMatch(/declares no permission/);
    expect(problemWith('Query.newThing', ['op:users.list', 'humans:anyUser'])).toMatch(/exactly one/);
    expect(problemWith('Query.newThing', ['op:no.such'])).toMatch(/not in src\/modules\/credentials\/catalog.ts/);
    expect(problemWith('Query.newThing', ['public'])).toMatch(/only login may be public/);
    expect(problemWith('Query.newThing', ['humans:everyone'])).toMatch(/not one of/);
    expect(problemWith('Mutation.login', ['public'])).toBeNull();
  });

  it('login is the only public operation', () => {
    expect(declarations.filter((d) => d.rules.includes(RULE_PUBLIC)).map((d) => d.key)).toEqual(PUBLIC_OPERATIONS);
  });

  it('matches the committed snapshot of operation → permission', () => {
    const current = Object.fromEntries(declarations.map((d) => [d.key, d.rules.join(' + ')]));
    if (UPDATE || !fs.existsSync(SNAPSHOT)) {
      if (!UPDATE && process.env.CI) throw new Error(`${SNAPSHOT} is missing; run UPDATE_PERMISSION_SNAPSHOT=1 npx vitest run test/permissions`);
      fs.writeFileSync(SNAPSHOT, JSON.stringify(current, null, 2) + '\n');
    }
    const committed = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    expect(
      current,
      'The admin permissions differ from test/permissions/operation-permissions.json. If the change is intended, ' +
        'regenerate it with `UPDATE_PERMISSION_SNAPSHOT=1 npx vitest run test/permissions` and have the diff reviewed as a permission change.',
    ).toEqual(committed);
  });

  it('every catalog id is declared by at least one resolver (or enforced by a listed REST route)', () => {
    const used = new Set(
      declarations.flatMap((d) => d.rules).filter((r) => r.startsWith(OPERATION_RULE_PREFIX)).map((r) => r.slice(OPERATION_RULE_PREFIX.length)),
    );
    for (const id of Object.keys(REST_ENFORCED_IDS)) expect(isCatalogId(id), `REST_ENFORCED_IDS lists unknown id ${id}`).toBe(true);
    const unused = catalog.map((e) => e.id).filter((id) => !used.has(id) && !(id in REST_ENFORCED_IDS));
    expect(unused, `catalog ids no resolver declares with @Requires: ${unused.join(', ')}`).toEqual([]);
  });
});
