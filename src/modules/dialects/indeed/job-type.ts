/** The `jobtype` values Indeed accepts. */
export type FeedJobType = 'fulltime' | 'parttime' | 'contract' | 'internship' | 'temporary';

/**
 * Commitment is free text (Lever's "Full-time", "Part time", "Intern", "Contractor",
 * "Fixed-term"…). The most specific kind wins: a "Full-time internship" is an
 * internship, a "Part-time contract" is a contract. Unknown commitments get no
 * `jobtype` rather than a wrong one.
 */
const RULES: [RegExp, FeedJobType][] = [
  [/intern|trainee|apprentice/, 'internship'],
  [/temp|seasonal|fixedterm|casual/, 'temporary'],
  [/contract|freelanc|consult/, 'contract'],
  [/part/, 'parttime'],
  [/full|permanent|regular/, 'fulltime'],
];

export function jobTypeFor(commitment: string | null | undefined): FeedJobType | null {
  if (!commitment) return null;
  const key = commitment.toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, type] of RULES) if (pattern.test(key)) return type;
  return null;
}
