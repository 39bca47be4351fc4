// Drops local files onto the app the way a file manager does, as far as a page can tell: real File objects (from an
// <input type=file> the test injects: it is not part of the app) in a DataTransfer, delivered by dragenter, dragover
// and drop events on the app's drop target. The whole window is the target (use-window-drop.ts listens on window), so
// the events are dispatched on the app's root element and bubble up. In Electron the preload turns these Files into
// paths with webUtils.getPathForFile; in the harness the bridge streams them to its staging folder.
import type { Page } from '@playwright/test';

const SOURCE_ATTRIBUTE = 'data-e2e-drop-source';

/** Drops the files at `paths` (absolute) onto the window. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  await page.evaluate((attribute) => {
    document.querySelector(`[${attribute}]`)?.remove();
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.setAttribute(attribute, '');
    input.style.display = 'none';
    document.body.append(input);
  }, SOURCE_ATTRIBUTE);
  const source = page.locator(`[${SOURCE_ATTRIBUTE}]`);
  await source.setInputFiles([...paths]);
  await source.evaluate((element) => {
    if (!(element instanceof HTMLInputElement) || element.files === null) throw new Error('the drop source is not a file input');
    const transfer = new DataTransfer();
    for (const file of Array.from(element.files)) transfer.items.add(file);
    const target = document.querySelector('.app') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
    element.remove();
  });
}
