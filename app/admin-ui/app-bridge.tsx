// App Bridge 4 in the admin kit: the page's title bar with its actions, toasts after
// every action, and a confirmation modal for destructive ones. App Bridge upgrades
// the custom elements (<ui-title-bar>, <ui-modal>) and draws them in Shopify's admin
// chrome; the offline demo's stand-in (demo/app-bridge/app-bridge.js) draws the same.
import { Modal, TitleBar } from "@shopify/app-bridge-react";
import { useCallback, useEffect, useRef } from "react";

export interface TitleBarAction {
  content: string;
  onAction: () => unknown;
  disabled?: boolean;
  loading?: boolean;
  destructive?: boolean;
}

/** App Bridge reads `variant` and `tone` on the <button>s of its elements (not HTML attributes). */
export function appBridgeButton(primary: boolean, critical = false): Record<string, string> {
  return { ...(primary ? { variant: "primary" } : {}), ...(critical ? { tone: "critical" } : {}) };
}

/** The admin's title bar: the page title, a primary action and secondary actions. */
export function PageTitleBar({
  title,
  primaryAction,
  secondaryActions = [],
}: {
  title: string;
  primaryAction?: TitleBarAction;
  secondaryActions?: TitleBarAction[];
}) {
  const button = (action: TitleBarAction, primary: boolean) => (
    <button
      key={action.content}
      {...appBridgeButton(primary, action.destructive)}
      disabled={action.disabled || action.loading}
      loading={action.loading ? "" : undefined}
      onClick={() => void action.onAction()}
    >
      {action.content}
    </button>
  );
  return (
    <TitleBar title={title}>
      {primaryAction ? button(primaryAction, true) : null}
      {secondaryActions.map((action) => button(action, false))}
    </TitleBar>
  );
}

type Shopify = { toast?: { show(message: string, options?: { isError?: boolean; duration?: number }): unknown } };

/** Shows an App Bridge toast (nothing on the server or without App Bridge). */
export function useToast() {
  return useCallback((message: string, options: { isError?: boolean } = {}) => {
    if (typeof window === "undefined") return;
    const shopify = (window as unknown as { shopify?: Shopify }).shopify;
    shopify?.toast?.show(message, { duration: 5000, ...options });
  }, []);
}

/**
 * A toast for each new action result (useActionData or a fetcher's data): each
 * submission answers with a new object, so the same message shows again after a
 * second save.
 */
export function useToastOnResult<R>(result: R | undefined, message: (result: R) => { text: string; isError?: boolean } | null) {
  const toast = useToast();
  const seen = useRef<R | undefined>(undefined);
  const describe = useRef(message);
  useEffect(() => {
    describe.current = message;
  });
  useEffect(() => {
    if (result === undefined || result === seen.current) return;
    seen.current = result;
    const shown = describe.current(result);
    if (shown) toast(shown.text, { isError: shown.isError });
  }, [result, toast]);
}

interface ConfirmModalProps {
  id: string;
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  destructive?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" before a destructive action, as an App Bridge modal. */
export function ConfirmModal({
  id,
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  destructive = true,
  onConfirm,
  onClose,
}: ConfirmModalProps) {
  return (
    <Modal id={id} open={open} onHide={onClose} variant="small">
      <div style={{ padding: "16px" }}>
        <p>{body}</p>
      </div>
      <TitleBar title={title}>
        <button {...appBridgeButton(true, destructive)} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button onClick={onClose}>{cancelLabel}</button>
      </TitleBar>
    </Modal>
  );
}
