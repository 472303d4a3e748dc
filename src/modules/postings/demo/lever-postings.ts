import leverPostingsJson from './lever-postings.json';

/**
 * One Lever v0 posting as the public Postings API returns it (see README.md here
 * for where these 19 come from). The JSON is imported, not read from disk, so tsc
 * ships it inside dist/ and the demo, the tests and the benchmarks share one copy.
 */
export interface LeverPosting {
  id: string;
  text: string;
  categories: { commitment?: string; location?: string; team?: string };
  createdAt: number;
  description: string;
  descriptionPlain: string;
  additional: string;
  additionalPlain: string;
  lists: { text: string; content: string }[];
  hostedUrl: string;
  applyUrl: string;
}

export function leverPostings(): LeverPosting[] {
  return leverPostingsJson as LeverPosting[];
}
