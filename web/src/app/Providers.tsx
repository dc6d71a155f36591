import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';

const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });

/** What every screen past the sign-in reads through: the server's answers (react-query) and the address (the router). */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>{children}</BrowserRouter>
    </QueryClientProvider>
  );
}
