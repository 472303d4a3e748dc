import { jobTypeFor, type FeedJobType } from '../indeed/job-type';

/** LinkedIn's `workplaceTypes` values, from the posting's workplace type; UNSPECIFIED says nothing. */
const WORKPLACE: Record<string, string> = { ON_SITE: 'On-site', HYBRID: 'Hybrid', REMOTE: 'Remote' };

export function linkedinWorkplaceType(workplaceType: string | null | undefined): string | null {
  return (workplaceType && WORKPLACE[workplaceType]) ?? null;
}

/** LinkedIn's `jobtype` values, from the same reading of the free-text commitment as Indeed's. */
const JOB_TYPES: Record<FeedJobType, string> = {
  fulltime: 'FULL_TIME',
  parttime: 'PART_TIME',
  contract: 'CONTRACT',
  temporary: 'TEMPORARY',
  internship: 'INTERNSHIP',
};

export function linkedinJobType(commitment: string | null | undefined): string | null {
  const type = jobTypeFor(commitment);
  return type ? JOB_TYPES[type] : null;
}

/**
 * LinkedIn's `experienceLevel`, from the free-text level ("Senior", "Junior",
 * "Director of…"). The most senior word wins ("Senior Director" is a director); an
 * unknown level gets no element rather than a wrong one.
 */
const LEVELS: [RegExp, string][] = [
  [/\b(chief|c-?level|cxo|ceo|cto|cfo|coo|vp|vice president|executive|president)\b/, 'EXECUTIVE'],
  [/\b(director|head of)\b/, 'DIRECTOR'],
  [/\b(senior|sr|lead|staff|principal|manager|mid|intermediate|experienced)\b/, 'MID_SENIOR_LEVEL'],
  [/\b(associate)\b/, 'ASSOCIATE'],
  [/\b(intern|internship|trainee|apprentice)\b/, 'INTERNSHIP'],
  [/\b(entry|junior|jr|graduate|grad|beginner)\b/, 'ENTRY_LEVEL'],
];

export function linkedinExperienceLevel(level: string | null | undefined): string | null {
  if (!level) return null;
  const text = level.toLowerCase().replace(/[^a-z\s-]/g, ' ');
  for (const [pattern, value] of LEVELS) if (pattern.test(text)) return value;
  return null;
}
