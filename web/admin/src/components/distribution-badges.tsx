import { Badge, Group, Popover } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { DistributionProblems } from './distribution-problems';
import { DESTINATION_NAMES, STATUS_COLORS, STATUS_EXPLANATIONS, STATUS_NAMES, type DistributionEntry } from './distribution-labels';

/** Long enough to move the pointer from the badge onto its tooltip (WCAG 1.4.13: hoverable). */
const CLOSE_DELAY_MS = 200;

/** The problems as one sentence, for the badge's description while its tooltip is closed. */
function summaryOf(entry: DistributionEntry): string {
  const problems = entry.problems.map((p) => `${p.blocking ? 'Required' : 'Recommended'} (${p.field}): ${p.message}.`);
  return [`${DESTINATION_NAMES[entry.destination]}: ${STATUS_NAMES[entry.status]}.`, STATUS_EXPLANATIONS[entry.status], ...problems].join(' ');
}

/**
 * A destination's status as a focusable badge whose problems show on hover and on keyboard focus;
 * Escape dismisses them. `aria-describedby` names the open tooltip, or while it is closed a hidden
 * summary of the same text, so screen readers hear the problems with the badge. Only the open
 * tooltip is mounted: a list page has a hundred badges.
 */
function DistributionBadge({ entry, postingTitle }: { entry: DistributionEntry; postingTitle: string }) {
  const tooltipId = useId();
  const summaryId = useId();
  const [opened, setOpened] = useState(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const cancelClose = () => window.clearTimeout(closeTimer.current);
  const open = () => {
    cancelClose();
    setOpened(true);
  };
  const closeSoon = () => {
    cancelClose();
    closeTimer.current = window.setTimeout(() => setOpened(false), CLOSE_DELAY_MS);
  };
  useEffect(() => cancelClose, []);
  const destination = DESTINATION_NAMES[entry.destination];
  const count = entry.problems.length;

  return (
    <Popover opened={opened} onChange={setOpened} withRoles={false} position="bottom-start" shadow="md" width={340} withArrow>
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          color={STATUS_COLORS[entry.status]}
          autoContrast
          variant="filled"
          size="sm"
          style={{ cursor: 'help' }}
          aria-describedby={opened ? tooltipId : summaryId}
          data-testid={`distribution-${entry.destination}`}
          data-status={entry.status}
          onMouseEnter={open}
          onMouseLeave={closeSoon}
          onFocus={open}
          onBlur={() => setOpened(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpened(false);
          }}
        >
          {destination}: {STATUS_NAMES[entry.status]}
          {count > 0 && ` (${count})`}
          {/* The visible words stay first in the name (WCAG 2.5.3); the row's title tells badges of different rows apart. */}
          <span className="visually-hidden"> for {postingTitle}</span>
          <span id={summaryId} hidden>
            {summaryOf(entry)}
          </span>
        </Badge>
      </Popover.Target>
      <Popover.Dropdown id={tooltipId} role="tooltip" onMouseEnter={open} onMouseLeave={closeSoon}>
        <DistributionProblems entry={entry} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** One badge per destination (Google, Indeed, LinkedIn, IndexNow), in the order the API reports them. */
export function DistributionBadges({ entries, postingTitle }: { entries: DistributionEntry[]; postingTitle: string }) {
  return (
    <Group gap={4} wrap="wrap" role="group" aria-label={`Distribution of ${postingTitle}`}>
      {entries.map((entry) => (
        <DistributionBadge key={entry.destination} entry={entry} postingTitle={postingTitle} />
      ))}
    </Group>
  );
}
