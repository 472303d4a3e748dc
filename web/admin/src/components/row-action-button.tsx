import { ActionIcon, Tooltip } from '@mantine/core';
import { Icon, type IconName } from './icons';

/** How a table row shows one of its actions: an icon, its label as tooltip, and a colour for the risky ones. */
export interface RowActionLook {
  icon: IconName;
  label: string;
  color?: string;
}

/**
 * One action of a table row as an icon button. Its accessible name is the label followed by the
 * row's subject ("Revoke Zapier key"), so a screen reader can tell the rows' buttons apart.
 */
export function RowActionButton({ look, subject, onClick }: { look: RowActionLook; subject: string; onClick: () => void }) {
  return (
    <Tooltip label={look.label}>
      <ActionIcon variant="subtle" color={look.color ?? 'dark'} aria-label={`${look.label} ${subject}`} onClick={onClick}>
        <Icon name={look.icon} />
      </ActionIcon>
    </Tooltip>
  );
}
