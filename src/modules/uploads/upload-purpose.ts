import { registerEnumType } from 'type-graphql';

/** What a staged upload is for; each purpose accepts its own file types and a claim names the purposes it takes. */
export enum UploadPurpose {
  RESUME = 'RESUME',
  ATTACHMENT = 'ATTACHMENT',
  LOGO = 'LOGO',
}
registerEnumType(UploadPurpose, { name: 'UploadPurpose', description: 'What a staged upload (POST /uploads) is for.' });

export function isUploadPurpose(value: unknown): value is UploadPurpose {
  return typeof value === 'string' && (Object.values(UploadPurpose) as string[]).includes(value);
}
