// The only way the chat builds DOM: createElement + attributes + text nodes. Strings
// passed as children become text nodes, so model, product and order text is never
// parsed as HTML.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attrs) {
    const value = attrs[name];
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

let counter = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix: string) => `shop-assistant-${prefix}-${++counter}`;

/** Removes the children of a node. */
export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
