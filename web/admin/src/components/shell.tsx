import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../api/session';
import { useWebhookAccess } from '../api/webhook-access';
import { humanize } from '../format';

interface NavItem {
  href: string;
  label: string;
  credentials?: boolean;
  /** Shown only to users the server grants webhooks.list. */
  webhooks?: boolean;
  /** Shown only to people whose role grants applications.eeo. */
  eeo?: boolean;
}

const NAV: NavItem[] = [
  { href: '/credentials', label: 'API credentials', credentials: true },
  { href: '/dev-center', label: 'Dev Center', credentials: true },
  { href: '/users', label: 'Users and roles' },
  { href: '/audit', label: 'Audit log' },
  { href: '/settings', label: 'Organization settings' },
  { href: '/postings', label: 'Postings' },
  { href: '/applications', label: 'Applications' },
  { href: '/webhooks', label: 'Webhooks', webhooks: true },
  { href: '/data-rights', label: 'Data rights' },
  { href: '/eeo-report', label: 'EEO report', eeo: true },
];

/** Layout: header with the user and Sign out, a navigation that folds behind a burger below 992 px. */
export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const [location] = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // Folded away on narrow screens it is not rendered at all, so Tab never walks through hidden links.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const webhookAccess = useWebhookAccess();
  const items = NAV.filter(
    (item) =>
      (!item.credentials || session.canManageCredentials) && (!item.webhooks || webhookAccess.may('webhooks.list')) && (!item.eeo || session.can('applications.eeo')),
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Toggle navigation" />
            <Text fw={700}>Jobgate admin</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {session.user?.name} · {session.user ? humanize(session.user.role) : ''}
            </Text>
            <Button variant="default" size="xs" onClick={() => void session.endSession()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {(wide || opened) && (
      <AppShell.Navbar p="xs" aria-label="Main">
        <Stack gap={2} component="nav" aria-label="Sections">
          {items.map((item) => (
            <NavLink key={item.href} component={Link} href={item.href} label={item.label} variant="filled" active={location === item.href || location.startsWith(`${item.href}/`)} onClick={close} />
          ))}
        </Stack>
      </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
