import { describe, expect, it } from 'vitest';
import { createElectronDesktopPort, isHttpsUrl, type ElectronDesktopDeps } from './electron-desktop-port';

function setup(answer: { canceled: boolean; filePaths: string[] }) {
  const calls: unknown[][] = [];
  const deps = {
    dialog: { showOpenDialog: async (...args: unknown[]) => (calls.push(['dialog', ...args]), answer) },
    shell: {
      showItemInFolder: (path: string) => calls.push(['reveal', path]),
      openExternal: async (url: string) => {
        calls.push(['open', url]);
      },
    },
    clipboard: { writeText: (text: string) => calls.push(['copy', text]) },
    getWindow: () => undefined,
  };
  // Plain-object fakes of the three Electron modules; only the members the port calls exist.
  return { port: createElectronDesktopPort(deps as unknown as ElectronDesktopDeps), calls };
}

describe('createElectronDesktopPort', () => {
  it('asks the native dialog for one or many files, or a folder', async () => {
    const { port, calls } = setup({ canceled: false, filePaths: ['/home/u/a.bin', '/home/u/b.bin'] });
    await expect(port.pickFiles({ multiple: true })).resolves.toEqual(['/home/u/a.bin', '/home/u/b.bin']);
    await port.pickFiles({ multiple: false });
    await port.pickFolder();
    expect(calls.map((c) => (c[1] as { properties: string[] }).properties)).toEqual([
      ['openFile', 'multiSelections'],
      ['openFile'],
      ['openDirectory'],
    ]);
  });

  it('answers [] when the dialog is canceled', async () => {
    const { port } = setup({ canceled: true, filePaths: ['/ignored'] });
    await expect(port.pickFolder()).resolves.toEqual([]);
  });

  it('reveals files and writes the clipboard', async () => {
    const { port, calls } = setup({ canceled: true, filePaths: [] });
    await port.revealFile('/home/u/a.bin');
    await port.copyText('https://b.oss-cn-hangzhou.aliyuncs.com/k');
    expect(calls).toEqual([['reveal', '/home/u/a.bin'], ['copy', 'https://b.oss-cn-hangzhou.aliyuncs.com/k']]);
  });

  it('opens https URLs only', async () => {
    const { port, calls } = setup({ canceled: true, filePaths: [] });
    await port.openExternal('https://www.alibabacloud.com/help/en/oss/');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
      await expect(port.openExternal(url)).rejects.toMatchObject({ code: 'Forbidden' });
    }
    expect(calls).toEqual([['open', 'https://www.alibabacloud.com/help/en/oss/']]);
  });
});

describe('isHttpsUrl', () => {
  it('accepts absolute https URLs only', () => {
    expect(isHttpsUrl('https://a.example/b?c#d')).toBe(true);
    expect(isHttpsUrl('HTTPS://A.EXAMPLE/')).toBe(true);
    expect(isHttpsUrl('//a.example/')).toBe(false);
    expect(isHttpsUrl('http://a.example/')).toBe(false);
  });
});
