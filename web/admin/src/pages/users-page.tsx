import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { fieldError, otherErrors } from '../api/api-error';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { CreateUserDocument, DeactivateUserDocument, ReactivateUserDocument, UpdateUserDocument, UsersDocument } from '../api/operations';
import { useSession, type SessionUser } from '../api/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState, ErrorState, LoadingState, PageTitle } from '../components/states';
import { formatDate, humanize } from '../format';
import type { Role, UserFieldsFragment } from '../gql/graphql';

const USERS_KEY = ['users'];
type User = UserFieldsFragment;
const ROLES: Role[] = ['SUPER_ADMIN', 'ADMIN', 'TEAM_MEMBER'];

/**
 * The API's rules, shown before the user tries: why a control is disabled, or undefined when allowed.
 * The API still decides; these only keep people from clicking into a refusal.
 */
export function userRules(viewer: SessionUser, target: User, activeSuperAdmins: number) {
  const lastSuperAdmin = target.role === 'SUPER_ADMIN' && target.active && activeSuperAdmins <= 1;
  const protectedSuper = viewer.role !== 'SUPER_ADMIN' && target.role === 'SUPER_ADMIN' ? 'Only a Super Admin can change a Super Admin' : undefined;
  return {
    role: protectedSuper ?? (lastSuperAdmin ? 'The last active Super Admin cannot be demoted' : undefined),
    superAdminOption: viewer.role !== 'SUPER_ADMIN' ? 'Only a Super Admin can make Super Admins' : undefined,
    credentials:
      target.role === 'SUPER_ADMIN'
        ? 'Super Admins always manage API credentials'
        : viewer.role !== 'SUPER_ADMIN'
          ? 'Only a Super Admin can grant this'
          : undefined,
    active: protectedSuper ?? (lastSuperAdmin ? 'The last active Super Admin cannot be deactivated' : undefined),
  };
}

function Reasoned({ reason, children }: { reason: string | undefined; children: React.ReactElement }) {
  return reason ? (
    <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
      <span tabIndex={0} aria-label={reason} style={{ display: 'inline-block' }}>
        {children}
      </span>
    </Tooltip>
  ) : (
    children
  );
}

function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const session = useSession();
  const create = useApiMutation(CreateUserDocument, [USERS_KEY]);
  const [form, setForm] = useState({ email: '', name: '', role: 'TEAM_MEMBER' as Role, password: '' });
  const close = () => {
    create.reset();
    setForm({ email: '', name: '', role: 'TEAM_MEMBER', password: '' });
    onClose();
  };
  const fields = ['email', 'name', 'role', 'password'];
  return (
    <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title="Create user" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ input: form }, { onSuccess: close });
        }}
        noValidate
      >
        <Stack>
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError(create.error, 'name')} data-autofocus />
          <TextInput label="E-mail" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={fieldError(create.error, 'email')} />
          <Select
            label="Role"
            data={ROLES.map((r) => ({ value: r, label: humanize(r), disabled: r === 'SUPER_ADMIN' && session.user?.role !== 'SUPER_ADMIN' }))}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: (v as Role) ?? 'TEAM_MEMBER' })}
            allowDeselect={false}
            error={fieldError(create.error, 'role')}
            comboboxProps={{ withinPortal: false }}
          />
          <PasswordInput label="Initial password" description="At least 12 characters; share it with the person privately." required value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={fieldError(create.error, 'password')} />
          {otherErrors(create.error, fields) && (
            <Alert color="red" variant="outline" role="alert">
              {otherErrors(create.error, fields)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Users and roles: list, create, change role, grant "manage API credentials", deactivate and reactivate. */
export function UsersPage() {
  const session = useSession();
  const query = useApiQuery(USERS_KEY, UsersDocument, { first: 100 });
  const update = useApiMutation(UpdateUserDocument, [USERS_KEY]);
  const deactivate = useApiMutation(DeactivateUserDocument, [USERS_KEY]);
  const reactivate = useApiMutation(ReactivateUserDocument, [USERS_KEY]);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<{ user: User; action: 'deactivate' | 'reactivate' } | null>(null);
  const viewer = session.user;

  const body = () => {
    if (query.isPending) return <LoadingState label="Loading users…" />;
    if (query.error) return <ErrorState error={query.error} />;
    const users = query.data.users?.nodes ?? [];
    if (users.length === 0 || !viewer) return <EmptyState title="No users" />;
    const activeSuperAdmins = users.filter((u) => u.role === 'SUPER_ADMIN' && u.active).length;
    return (
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Manage API credentials</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const rules = userRules(viewer, user, activeSuperAdmins);
              return (
                <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Reasoned reason={rules.role}>
                      <Select
                        aria-label={`Role of ${user.email}`}
                        size="xs"
                        w={150}
                        data={ROLES.map((r) => ({ value: r, label: humanize(r), disabled: r === 'SUPER_ADMIN' && Boolean(rules.superAdminOption) }))}
                        value={user.role}
                        disabled={Boolean(rules.role)}
                        allowDeselect={false}
                        onChange={(v) => v && v !== user.role && update.mutate({ id: user.id, input: { role: v as Role } })}
                        comboboxProps={{ withinPortal: false }}
                      />
                    </Reasoned>
                  </Table.Td>
                  <Table.Td>
                    <Reasoned reason={rules.credentials}>
                      <Switch
                        aria-label={`${user.email} may manage API credentials`}
                        checked={user.role === 'SUPER_ADMIN' || user.canManageApiCredentials}
                        disabled={Boolean(rules.credentials)}
                        onChange={(e) => update.mutate({ id: user.id, input: { canManageApiCredentials: e.currentTarget.checked } })}
                      />
                    </Reasoned>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={user.active ? 'teal' : 'gray'} variant="filled">
                      {user.active ? 'active' : 'deactivated'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(user.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Reasoned reason={user.active ? rules.active : undefined}>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={user.active && Boolean(rules.active)}
                        onClick={() => setConfirm({ user, action: user.active ? 'deactivate' : 'reactivate' })}
                      >
                        {user.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    </Reasoned>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  const activation = confirm?.action === 'deactivate' ? deactivate : reactivate;
  return (
    <Stack>
      <PageTitle description="Who can sign in, and what they may do.">Users and roles</PageTitle>
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>Create user</Button>
      </Group>
      {update.error && (
        <Alert color="red" variant="outline" role="alert" withCloseButton onClose={() => update.reset()}>
          {update.error.message}
        </Alert>
      )}
      {body()}
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm ? `${confirm.action === 'deactivate' ? 'Deactivate' : 'Reactivate'} ${confirm.user.name}?` : ''}
        confirmLabel={confirm?.action === 'deactivate' ? 'Deactivate' : 'Reactivate'}
        danger={confirm?.action === 'deactivate'}
        busy={activation.isPending}
        error={activation.error?.message}
        onClose={() => {
          activation.reset();
          setConfirm(null);
        }}
        onConfirm={() => confirm && activation.mutate({ id: confirm.user.id }, { onSuccess: () => setConfirm(null) })}
      >
        <Text size="sm">
          {confirm?.action === 'deactivate' ? 'They are signed out everywhere at once and cannot sign in until reactivated.' : 'They can sign in again with their password.'}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
