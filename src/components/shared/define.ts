/**
 * Registers a custom element once. A second copy of the bundle (an embedder loading two widgets
 * from two builds, or hot reload) must not throw "already defined".
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
