import { Redirect, Route, Switch } from 'wouter';
import { useSession } from './api/session';
import { Shell } from './components/shell';
import { EmptyState, LoadingState } from './components/states';
import { ApplicationsPage } from './pages/applications-page';
import { AuditPage } from './pages/audit-page';
import { CredentialsPage } from './pages/credentials-page';
import { DataRightsPage } from './pages/data-rights/data-rights-page';
import { DevCenterPage } from './pages/dev-center-page';
import { EeoReportPage } from './pages/eeo-report-page';
import { KeyEditorPage } from './pages/key-editor-page';
import { KeyUsagePage } from './pages/key-usage-page';
import { ManagePermissionsPage } from './pages/manage-permissions-page';
import { PostingsPage } from './pages/postings-page';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';
import { WebhookEndpointPage } from './pages/webhook-endpoint-page';
import { WebhooksPage } from './pages/webhooks-page';

/** Signed out: the sign-in form at whatever address was asked for, so signing in lands there. */
export function App() {
  const session = useSession();
  if (session.checking) return <LoadingState label="Checking your session…" />;
  if (!session.user) return <SignInPage />;
  return (
    <Shell>
      <Switch>
        <Route path="/">
          <Redirect to={session.canManageCredentials ? '/credentials' : '/postings'} replace />
        </Route>
        <Route path="/credentials" component={CredentialsPage} />
        <Route path="/credentials/new" component={KeyEditorPage} />
        <Route path="/dev-center" component={DevCenterPage} />
        <Route path="/dev-center/:id/permissions">{(params) => <ManagePermissionsPage id={params.id} />}</Route>
        <Route path="/dev-center/:id/usage">{(params) => <KeyUsagePage id={params.id} />}</Route>
        <Route path="/users" component={UsersPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/postings" component={PostingsPage} />
        <Route path="/applications" component={ApplicationsPage} />
        <Route path="/webhooks" component={WebhooksPage} />
        <Route path="/webhooks/:id">{(params) => <WebhookEndpointPage id={params.id} />}</Route>
        <Route path="/data-rights" component={DataRightsPage} />
        <Route path="/eeo-report" component={EeoReportPage} />
        <Route>
          <EmptyState title="No such page">Pick a section on the left.</EmptyState>
        </Route>
      </Switch>
    </Shell>
  );
}
