import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';

const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });

/**
 * What every screen past the sign-in reads through: the server's answers (react-query) and
 * the address (the router). The router's updates are not transitions (`useTransitions`
 * false): followed in a transition, a link left the screen it leaves on show and in use
 * until the new one was drawn, so what was typed meanwhile into a form of that screen was
 * lost when the link landed (a menu link to the screen one is on remounts its form with
 * the defaults). Drawn at once, a screen not fetched yet shows "loading" instead.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter useTransitions={false}>{children}</BrowserRouter>
    </QueryClientProvider>
  );
}
