// The harness's page is the renderer's own index.html plus two tags: the token (a meta tag, since the CSP forbids
// inline scripts) and the bridge script. A classic script placed before the renderer's module script runs first
// (module scripts are deferred), so `window.uploader` exists when the renderer starts (issue 5 item 6).
import { HARNESS_PATHS, TOKEN_META_NAME } from './harness-protocol';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Returns `html` with `<meta name="uploader-harness-token" content="…">` and `<script src="./__harness/bridge.js">`
 * inserted before the first `<script`; before `</head>` when there is none, else at the very start.
 */
export function injectHarnessTags(html: string, token: string): string {
  const tags =
    `<meta name="${TOKEN_META_NAME}" content="${escapeAttribute(token)}">` +
    `<script src=".${HARNESS_PATHS.bridge}"></script>`;
  const firstScript = html.search(/<script[\s>]/i);
  if (firstScript >= 0) return html.slice(0, firstScript) + tags + html.slice(firstScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + tags + html.slice(headEnd);
  return tags + html;
}
