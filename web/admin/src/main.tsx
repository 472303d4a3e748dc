import '@mantine/core/styles.css';
import './theme.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { SessionProvider } from './api/session';
import { App } from './app';

// Darker shades than Mantine's defaults so text and buttons meet WCAG AA contrast.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  autoContrast: true,
  respectReducedMotion: true,
});

// Mantine's dimmed grey and error red are lighter than AA allows on white; these are not.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-error': '#c92a2a', '--mantine-color-placeholder': '#6c737a' },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    // Errors are shown where they happen; retrying a FORBIDDEN or a BAD_USER_INPUT only delays that.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Router base="/admin">
            <App />
          </Router>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
