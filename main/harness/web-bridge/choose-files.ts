// The harness's "Add files…" / "Add folder…" dialog: the browser's own file picker, opened from a hidden
// `<input type=file>` (with `webkitdirectory` for a folder). The renderer's button click gives the page the user
// activation the picker needs; the bridge calls this within that click's task chain.
import type { ChosenFile } from './create-harness-transport';

/** Opens the picker; resolves with the chosen files, or [] when the user cancels. */
export function chooseFiles(options: { readonly multiple: boolean; readonly directory: boolean }): Promise<readonly ChosenFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple || options.directory;
    input.webkitdirectory = options.directory;
    input.hidden = true;
    const finish = (files: readonly File[]): void => {
      input.remove();
      resolve(files.map((file) => ({ blob: file, name: file.name, relativePath: file.webkitRelativePath || file.name })));
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    // Chromium fires `cancel` on a file input when the picker closes without a choice (HTML "cancel" event).
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}
