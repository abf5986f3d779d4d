import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans-khmer/khmer-400.css';
import '@fontsource/noto-sans-khmer/khmer-700.css';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { shouldRetry } from './api/client';
import './i18n/i18n';
import { registerServiceWorker } from './offline/service-worker';
import { router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    // offlineFirst: without a connection a query still asks once, and the service worker answers from its copy.
    queries: { staleTime: 30_000, retry: shouldRetry, networkMode: 'offlineFirst' },
  },
});

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
