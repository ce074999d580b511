/**
 * How a host starts the pane: `mountTaskpane(element, { port, displayLanguage })`. The Office entry (src/office)
 * calls it with the Office.js port once Office is ready; the browser preview (src/preview) with its own port.
 */
import { createRoot, type Root } from 'react-dom/client';
import { App, type AppProps } from './App';

export { App, type AppProps };

export function mountTaskpane(element: HTMLElement, props: AppProps): Root {
  const root = createRoot(element);
  root.render(<App {...props} />);
  return root;
}
