import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18next, initI18n } from './i18n/i18n';
import { makeRouter } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) =>
        count < 2 && !(error instanceof Error && 'status' in error && Number(error.status) < 500),
      refetchOnWindowFocus: true,
    },
  },
});
const router = makeRouter(queryClient);

/** Renders the app into the page (the entry script has sent the first requests). */
export function startApp(): void {
  // For bench/web-first-page.ts: when the app's script has been compiled and run.
  performance.mark('svara:app-running');
  void initI18n().then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18next}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
