/**
 * What jsdom lacks that the pane's components need. jsdom has no layout, so no ResizeObserver; Fluent's
 * MessageBar measures itself with one to choose its layout. Import this first in a component test.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
