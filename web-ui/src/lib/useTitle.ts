import { useEffect } from 'react';

/** The browser tab's title names the screen (WCAG 2.4.2): "Kari Nordmann – Kraft CIS". */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Kraft CIS` : 'Kraft CIS';
  }, [title]);
}
