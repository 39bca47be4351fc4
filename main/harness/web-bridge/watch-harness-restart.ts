// A restarted harness has a new token (harness-token.ts), so an open page can never reconnect to it, and a page that
// did reconnect would show state from before the restart anyway. After a lost connection the bridge therefore asks
// for the page again; once the harness answers with a different token, it reloads, and the renderer starts afresh
// (the restored jobs come back through uploads.list). A transient drop under the same process just reconnects.
import { TOKEN_META_NAME } from '../harness-protocol';

/** The token inside a page served by the harness, or undefined. */
export function tokenInPage(html: string): string | undefined {
  const match = new RegExp(`<meta name="${TOKEN_META_NAME}" content="([A-Za-z0-9_-]+)">`).exec(html);
  return match?.[1];
}

/** What the watcher needs from the page. */
export interface RestartWatchDeps {
  readonly currentToken: string;
  /** Fetches the harness's index page (uncached); rejects while the harness is down. */
  readonly fetchPage: () => Promise<string>;
  readonly reload: () => void;
}

/** Returns a check to run after each lost connection; overlapping checks are skipped. */
export function watchHarnessRestart(deps: RestartWatchDeps): () => Promise<void> {
  let checking = false;
  let reloading = false;
  return async () => {
    if (checking || reloading) return;
    checking = true;
    try {
      const token = tokenInPage(await deps.fetchPage());
      if (token !== undefined && token !== deps.currentToken) {
        reloading = true;
        deps.reload();
      }
    } catch {
      // The harness is still down: the next lost connection checks again.
    } finally {
      checking = false;
    }
  };
}
