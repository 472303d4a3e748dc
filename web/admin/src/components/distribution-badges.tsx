import { Badge, Group, Popover } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { DistributionProblems } from './distribution-problems';
import { DESTINATION_NAMES, STATUS_COLORS, STATUS_NAMES, type DistributionEntry } from './distribution-labels';

/** Long enough to move the pointer from the badge onto its tooltip (WCAG 1.4.13: hoverable). */
const CLOSE_DELAY_MS = 200;

/**
 * A destination's status as a focusable badge whose problems show on hover and on keyboard focus.
 * The tooltip stays mounted (hidden) so `aria-describedby` always names real text: screen readers
 * read the problems with the badge, not only sighted pointer users. Escape dismisses it.
 */
function DistributionBadge({ entry, postingTitle }: { entry: DistributionEntry; postingTitle: string }) {
  const tooltipId = useId();
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
    <Popover opened={opened} onChange={setOpened} keepMounted keepMountedMode="display-none" withRoles={false} position="bottom-start" shadow="md" width={340} withArrow>
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          color={STATUS_COLORS[entry.status]}
          autoContrast
          variant="filled"
          size="sm"
          style={{ cursor: 'help' }}
          aria-describedby={tooltipId}
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
