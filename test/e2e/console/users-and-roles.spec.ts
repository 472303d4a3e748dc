import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, uniqueName } from './console-helpers';

test('create a user, change the role, grant "manage API credentials", deactivate and reactivate; the last Super Admin is protected', async ({ page }) => {
  await signIn(page, '/admin/users');
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  await expectAccessible(page);

  // The demo admin is the only active Super Admin: the controls say why they are disabled.
  const self = page.getByTestId('user-row-admin@acme.example');
  await expect(self.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
  await expect(self.getByLabel('The last active Super Admin cannot be deactivated')).toBeVisible();
  await expect(self.getByLabel('The last active Super Admin cannot be demoted')).toBeVisible();

  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  const name = uniqueName('Grace Hopper');
  const email = `${name.split(' ').pop()}@acme.example`;
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel(/^E-mail/).fill(email);
  await dialog.getByLabel(/^Initial password/).fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // BAD_USER_INPUT on password shows under the password field.
  await expect(dialog.getByText('must be at least 12 characters')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel(/^Initial password/).fill('a-long-enough-password');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText(name);
  await row.getByLabel(`Role of ${email}`).first().click();
  await page.getByRole('option', { name: 'Admin', exact: true }).click();
  await expect(row.getByLabel(`Role of ${email}`).first()).toHaveValue('Admin');

  const grant = row.getByRole('switch', { name: `${email} may manage API credentials` });
  await expect(grant).not.toBeChecked();
  await grant.click(); // controlled by the API answer, so it flips once the mutation returns
  await expect(grant).toBeChecked();

  await row.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: `Deactivate ${name}?` }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('deactivated');
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('dialog', { name: `Reactivate ${name}?` }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(row).toContainText('active');
  await expect(row.getByRole('button', { name: 'Deactivate' })).toBeEnabled();
});
