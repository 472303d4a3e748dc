import { catalog } from './catalog';

export interface PermissionPresetSpec {
  id: string;
  name: string;
  description: string;
  operations: string[];
}

/** The EEO report's permission: granted only explicitly (Super Admins and Admins have it by role). */
export const EEO_OPERATION = 'applications.eeo';

const ids = (prefix: string) => catalog.filter((entry) => entry.id.startsWith(prefix)).map((entry) => entry.id);

/** Checkbox shortcuts in the key form (Lever's presets). Plain lists of catalog ids; a unit test checks each id exists. */
export const PERMISSION_PRESETS: readonly PermissionPresetSpec[] = [
  {
    id: 'read-only',
    name: 'Read only — everything',
    description: 'Every read, list and download operation except the EEO report; nothing that changes data.',
    // EEO answers are granted one by one, never by a shortcut: they are held apart from hiring work.
    operations: catalog.filter((entry) => entry.access === 'READ' && entry.id !== EEO_OPERATION).map((entry) => entry.id),
  },
  {
    id: 'user-directory-sync',
    name: 'User directory sync',
    description: 'Keep Jobgate users in step with an identity provider or HRIS.',
    operations: ['users.list', 'users.read', 'users.create', 'users.update', 'users.deactivate', 'users.reactivate'],
  },
  {
    id: 'audit-reader',
    name: 'Audit reader',
    description: 'Stream the audit log into a SIEM.',
    operations: ['auditEvents.list', 'organization.read'],
  },
  {
    id: 'postings-management',
    name: 'Postings management',
    description: 'Create, edit, publish and delete postings from another system.',
    operations: [...ids('postings.'), 'uploads.upload'],
  },
  {
    id: 'applications-export',
    name: 'Applications export',
    description: 'Export applications and their resumes.',
    operations: ['applications.list', 'applications.read', 'applications.download'],
  },
];

export function presetById(id: string): PermissionPresetSpec | undefined {
  return PERMISSION_PRESETS.find((preset) => preset.id === id);
}
