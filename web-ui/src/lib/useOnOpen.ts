import { useEffect, useRef } from 'react';

/** Runs {@code reset} each time a dialog opens (or opens for something else), so it never shows the last one's input or errors. */
export function useOnOpen(openedFor: unknown, reset: () => void) {
  const latest = useRef(reset);
  latest.current = reset;
  useEffect(() => {
    if (openedFor !== null && openedFor !== false && openedFor !== undefined) latest.current();
  }, [openedFor]);
}
