import { useEffect, useState } from 'react';

/** Whole seconds since `since` (a timestamp), ticking while `running`. */
export function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - since) / 1000));
}
