// POST /__harness/stage (issue 5 item 6): the bridge streams one File of a drop or a pick here; the staged copy is
// granted in PathGrants, exactly as a native dialog would grant the user's own file, and its path goes back to the
// page for uploads.addPaths. Only the harness's page can call it: the token is required, and a cross-site page cannot
// even send the custom header without a CORS preflight, which this server never approves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../../shared/ipc/app-error';
import type { WireError } from '../../shared/ipc/result';
import type { PathGrants } from '../ipc/path-grants';
import { TOKEN_HEADER } from './harness-protocol';
import { tokenMatches } from './harness-token';
import { sendJson } from './http-replies';
import type { StagingArea } from './staging-area';

/** What the staging route needs. */
export interface StageRouteDeps {
  readonly area: StagingArea;
  readonly grants: Pick<PathGrants, 'grant'>;
  readonly token: string;
  readonly log: { warn(line: string): void; error(line: string): void };
}

function refuse(res: ServerResponse, status: number, error: WireError): void {
  sendJson(res, status, { error });
}

function optionalParam(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value === null ? undefined : value;
}

/** Handles one staging request (the caller has checked the method, path, Host and Origin). */
export async function handleStageRequest(
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  deps: StageRouteDeps,
): Promise<void> {
  const tokenHeader = req.headers[TOKEN_HEADER];
  if (!tokenMatches(deps.token, typeof tokenHeader === 'string' ? tokenHeader : undefined)) {
    deps.log.warn('Refused a staging request without the harness token');
    refuse(res, 403, { code: 'Forbidden', message: 'This page may not stage files.', retryable: false });
    req.resume();
    return;
  }
  const sizeText = params.get('size') ?? '';
  const sizeBytes = /^\d{1,16}$/.test(sizeText) ? Number(sizeText) : Number.NaN;
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number.isSafeInteger(sizeBytes) && Number(declared) !== sizeBytes) {
    refuse(res, 400, { code: 'ValidationFailed', message: 'Content-Length does not match the file size.', retryable: false });
    req.resume();
    return;
  }
  try {
    const staged = await deps.area.stage(
      { name: optionalParam(params, 'name'), relativePath: optionalParam(params, 'relativePath'), sizeBytes, batch: optionalParam(params, 'batch') },
      req,
    );
    deps.grants.grant([staged.root]);
    sendJson(res, 200, staged);
  } catch (error) {
    if (isAppError(error)) {
      deps.log.warn(`Refused a staged file: ${error.message}`);
      refuse(res, 400, error.toWire());
    } else {
      deps.log.error(`Staging failed: ${error instanceof Error ? error.message : String(error)}`);
      refuse(res, 500, { code: 'StagingFailed', message: 'The harness could not store the file; see its log.', retryable: true });
    }
    req.resume();
  }
}
