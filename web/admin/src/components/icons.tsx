import type { ReactElement } from 'react';

// A handful of stroke icons inline, so the console needs no icon font and no emoji font (servers often have neither).
const PATHS: Record<string, ReactElement> = {
  trash: <path d="M4 7h16M10 11v6M14 11v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />,
  edit: <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />,
  ban: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M5.7 5.7l12.6 12.6" />
    </>
  ),
  restore: <path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5" />,
  chart: <path d="M3 3v18h18M7 15l4-4 3 3 5-6" />,
  rotate: <path d="M20 11A8 8 0 0 0 5.3 6.3L3 8.5M3 3v5.5h5.5M4 13a8 8 0 0 0 14.7 4.7L21 15.5M21 21v-5.5h-5.5" />,
};

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
