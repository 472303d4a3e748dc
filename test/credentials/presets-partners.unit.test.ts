import { describe, expect, it } from 'vitest';
import { catalog, isCatalogId } from '../../src/auth/catalog';
import { INTEGRATION_PARTNERS } from '../../src/auth/partners';
import { PERMISSION_PRESETS } from '../../src/auth/presets';

describe('presets and partners', () => {
  it.each([...PERMISSION_PRESETS, ...INTEGRATION_PARTNERS].map((p) => [p.id, p.operations] as const))('%s names only catalog operations', (_id, operations) => {
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((op) => !isCatalogId(op))).toEqual([]);
  });

  it('has the presets the issue asks for, read-only holding only READ operations, every one but the EEO report', () => {
    expect(PERMISSION_PRESETS.map((p) => p.id)).toEqual(['read-only', 'user-directory-sync', 'audit-reader', 'postings-management', 'applications-export']);
    const readOnly = PERMISSION_PRESETS[0].operations;
    expect(readOnly).toEqual(catalog.filter((e) => e.access === 'READ' && e.id !== 'applications.eeo').map((e) => e.id));
    // EEO answers are held apart from hiring work: no shortcut grants them.
    for (const preset of PERMISSION_PRESETS) expect(preset.operations, preset.id).not.toContain('applications.eeo');
  });

  it('has unique ids', () => {
    const ids = [...PERMISSION_PRESETS, ...INTEGRATION_PARTNERS].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
