import { useEffect } from 'react';

const dialogSelector = '[role="dialog"]';

/**
 * Gives the focus back to what opened a dialog once the dialog is gone (WCAG 2.4.3). Mantine does it only for a
 * modal that stays mounted and closes; most of ours are mounted on demand (`{editing && <EditModal />}`) and
 * simply vanish, leaving the focus on the page's body, and one opened from a menu would go back to a menu item
 * that no longer exists. So: remember the last element focused outside any dialog (for a menu item, the button
 * of its menu) and, when a dialog leaves the page with the focus nowhere, focus that element again.
 */
export function useDialogFocusReturn() {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    let timer = -1;
    const onFocusIn = (event: FocusEvent) => {
      const el = event.target instanceof HTMLElement ? event.target : null;
      if (!el || el.closest(dialogSelector)) return;
      const menu = el.closest('[role="menu"]');
      const menuButton = menu?.id
        ? document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`)
        : null;
      opener = menuButton ?? el;
    };
    const observer = new MutationObserver((records) => {
      const closed = records.some((r) =>
        [...r.removedNodes].some(
          (n) =>
            n instanceof Element && (n.matches(dialogSelector) || n.querySelector(dialogSelector) !== null),
        ),
      );
      if (!closed) return;
      window.clearTimeout(timer);
      // after Mantine's own focus return (10 ms), and only when no other modal is still open
      timer = window.setTimeout(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
        if (opener?.isConnected) opener.focus({ preventScroll: true });
      }, 30);
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
