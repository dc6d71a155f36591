import { useEffect } from 'react';
import { useSession } from '../../api/session.tsx';
import { useOutboxEntries, useSyncNow } from './outboxState.ts';

/** Retry interval for entries left waiting by a server error or a missed `online` event. */
const RETRY_MS = 60_000;

/**
 * Sends what waits in the outbox without being asked: when the user is signed in, when the
 * connection returns, and every minute while something waits. Renders nothing.
 */
export function OutboxSync() {
  const { me } = useSession();
  const syncNow = useSyncNow(me?.userId);
  const waiting = useOutboxEntries(me?.userId).some((entry) => entry.state === 'waiting');

  useEffect(() => {
    if (!me) return;
    const online = () => void syncNow();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [me, syncNow]);

  useEffect(() => {
    if (!me || !waiting) return;
    if (navigator.onLine) void syncNow();
    const timer = setInterval(() => navigator.onLine && void syncNow(), RETRY_MS);
    return () => clearInterval(timer);
  }, [me, waiting, syncNow]);

  return null;
}
