export interface IntegrationPartnerSpec {
  id: string;
  name: string;
  description: string;
  operations: string[];
}

/** Picking a partner pre-assigns the operations it needs (Greenhouse). A unit test checks each id exists. */
export const INTEGRATION_PARTNERS: readonly IntegrationPartnerSpec[] = [
  {
    id: 'jobboard-syndication',
    name: 'Job board syndication',
    description: 'A job board that mirrors your postings and sends applications back.',
    operations: ['postings.list', 'postings.read', 'applications.create', 'uploads.upload'],
  },
  {
    id: 'hris-sync',
    name: 'HRIS sync',
    description: 'An HRIS that provisions and deprovisions users and imports hires.',
    operations: ['users.list', 'users.read', 'users.create', 'users.update', 'users.deactivate', 'users.reactivate', 'applications.list', 'applications.read'],
  },
  {
    id: 'background-check',
    name: 'Background-check vendor',
    description: 'Reads candidates\' applications and resumes to run checks.',
    operations: ['applications.list', 'applications.read', 'applications.download'],
  },
  {
    id: 'analytics',
    name: 'Recruiting analytics',
    description: 'Read-only reporting over postings, applications and the audit log.',
    operations: ['organization.read', 'postings.list', 'postings.read', 'applications.list', 'applications.read', 'auditEvents.list'],
  },
];

export function partnerById(id: string): IntegrationPartnerSpec | undefined {
  return INTEGRATION_PARTNERS.find((partner) => partner.id === id);
}
