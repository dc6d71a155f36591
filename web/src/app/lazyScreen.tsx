import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Status.tsx';

/** A screen's code (or messages) that could not be fetched: the connection, not a bug. */
export class ScreenLoadError extends Error {}

/**
 * A screen fetched when first drawn (React's lazy), from a module and the name it exports;
 * `also` is fetched alongside (the full messages). A failed fetch becomes a ScreenLoadError.
 */
export function lazyScreen<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
  also: () => Promise<unknown> = async () => undefined,
) {
  const fetchScreen = () =>
    Promise.all([load(), also()]).then(
      ([module]) => ({ default: module[name] }),
      (error: unknown) => {
        throw new ScreenLoadError('a screen could not be fetched', { cause: error });
      },
    );
  return Object.assign(lazy(fetchScreen), { prefetch: fetchScreen });
}

/** A screen of lazyScreen's, which can be fetched ahead of its first drawing. */
export type LazyScreen = ReturnType<typeof lazyScreen<string, object>>;

/**
 * On a link that drops, fetching a screen can fail, and React would leave a blank page: this
 * says so and offers to reload, which fetches it again. Any other error goes on up.
 */
export class LoadBoundary extends Component<{ children: ReactNode }, { readonly error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof ScreenLoadError)) throw error;
    return <LoadFailed />;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert">
      <p>{t('app.loadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** A screen fetched on first use: "loading" meanwhile, and a way to retry if the fetch fails. */
export function Deferred({ screen }: { screen: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={<Loading />}>{screen}</Suspense>
    </LoadBoundary>
  );
}
