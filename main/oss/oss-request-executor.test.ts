// The request path against tiny raw servers, for what the emulator cannot be made to do: huge error bodies, foreign
// error pages, exact header capture, an error document behind HTTP 200.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { staticCredentials } from './credentials';
import { OssClient } from './oss-client';
import { isOssError, type OssError } from './oss-error';
import { buildV1StringToSign, computeV1Signature } from './signing/sign-v1';
import { readRequestBody, startHttpServer, type LocalServer } from './test-support/local-servers';

const SECRET = 'raw-server-secret';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function serve(handler: Parameters<typeof startHttpServer>[0]): Promise<{ server: LocalServer; client: OssClient }> {
  const server = await startHttpServer(handler);
  const client = new OssClient({
    endpoint: server.origin,
    region: 'cn-hangzhou',
    signatureVersion: 'v1',
    credentials: staticCredentials({ accessKeyId: 'AK', accessKeySecret: SECRET, securityToken: 'STS-TOKEN-VALUE' }),
  });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client };
}

async function errorOf(promise: Promise<unknown>): Promise<OssError> {
  try {
    await promise;
  } catch (error) {
    if (isOssError(error)) return error;
    throw error;
  }
  throw new Error('expected an OssError');
}

describe('OssRequestExecutor on the wire', () => {
  it('sends exactly the signed headers: no Content-Type it did not sign, the STS token, a valid V1 signature', async () => {
    let headers: IncomingHttpHeaders = {};
    let url = '';
    const { client } = await serve((req, res) => {
      headers = req.headers;
      url = req.url ?? '';
      res.setHeader('x-oss-request-id', 'RID');
      res.end('<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>a%20b</Key><UploadId>U1</UploadId><EncodingType>url</EncodingType></InitiateMultipartUploadResult>');
    });
    const result = await client.initiateMultipartUpload({ bucket: 'bkt', key: 'a b' });
    expect(result).toEqual({ requestId: 'RID', bucket: 'bkt', key: 'a b', uploadId: 'U1' });
    expect(url).toBe('/bkt/a%20b?uploads&encoding-type=url');
    expect(headers['content-type']).toBeUndefined();
    expect(headers['x-oss-security-token']).toBe('STS-TOKEN-VALUE');
    const date = String(headers['x-oss-date']);
    const stringToSign = buildV1StringToSign(
      {
        method: 'POST',
        bucket: 'bkt',
        key: 'a b',
        query: [['uploads', ''], ['encoding-type', 'url']],
        headers: { 'x-oss-date': date, 'x-oss-security-token': 'STS-TOKEN-VALUE' },
      },
      date,
    );
    expect(headers.authorization).toBe(`OSS AK:${computeV1Signature(SECRET, stringToSign)}`);
  });

  it('Complete sends application/xml, its Content-MD5 and the sorted part list', async () => {
    let headers: IncomingHttpHeaders = {};
    let body = '';
    const { client } = await serve(async (req, res) => {
      headers = req.headers;
      body = (await readRequestBody(req)).toString();
      res.end('<CompleteMultipartUploadResult><Bucket>bkt</Bucket><Key>k</Key><ETag>"X-2"</ETag></CompleteMultipartUploadResult>');
    });
    await client.completeMultipartUpload({ bucket: 'bkt', key: 'k', uploadId: 'U', parts: [{ partNumber: 2, etag: '"B"' }, { partNumber: 1, etag: '"A"' }] });
    expect(headers['content-type']).toBe('application/xml');
    expect(headers['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
    expect(body.indexOf('"A"')).toBeLessThan(body.indexOf('"B"'));
  });

  it('an <Error> document behind HTTP 200 on Complete is thrown as that error', async () => {
    const { client } = await serve((_req, res) => {
      res.end('<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be found.</Message><RequestId>R200</RequestId></Error>');
    });
    const error = await errorOf(client.completeMultipartUpload({ bucket: 'bkt', key: 'k', uploadId: 'U', parts: [{ partNumber: 1, etag: '"A"' }] }));
    expect(error).toMatchObject({ code: 'InvalidPart', status: 200, requestId: 'R200', retryable: false });
  });

  it('a 50 MB error page becomes a typed error after reading at most 64 KiB', async () => {
    let written = 0;
    const { client } = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-oss-request-id': 'R502' });
      const chunk = Buffer.alloc(64 * 1024, 0x3c);
      const pump = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.byteLength;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const error = await errorOf(client.getBucketInfo({ bucket: 'bkt' }));
    expect(error).toMatchObject({ code: 'UnexpectedStatus', status: 502, retryable: true, requestId: 'R502' });
    expect(error.message.length).toBeLessThan(500);
    expect(written).toBeLessThan(25 * 1024 * 1024);
  });

  it('a 200 answer whose XML is cut short is a retryable MalformedResponse', async () => {
    const { client } = await serve((_req, res) => {
      res.setHeader('x-oss-request-id', 'RCUT');
      res.end('<ListPartsResult><Bucket>bkt</Bucket><Key>k</Key><UploadId>U</UploadId><IsTruncated>false</IsTrun');
    });
    const error = await errorOf(client.listParts({ bucket: 'bkt', key: 'k', uploadId: 'U' }));
    expect(error).toMatchObject({ code: 'MalformedResponse', status: 200, retryable: true, requestId: 'RCUT' });
  });

  it('a skew error with only a Date header still corrects the clock', async () => {
    const serverTime = Date.UTC(2030, 0, 1, 12, 0, 0);
    const { client } = await serve((_req, res) => {
      res.writeHead(403, { date: new Date(serverTime).toUTCString(), 'content-type': 'application/xml' });
      res.end('<Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message></Error>');
    });
    await errorOf(client.getBucketInfo({ bucket: 'bkt' }));
    expect(Math.abs(client.clockOffsetMs - (serverTime - Date.now()))).toBeLessThan(5_000);
  });

  it('an error echoing the StringToSign never carries the secret or the STS token', async () => {
    const { client } = await serve((req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        `<Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message>` +
          `<StringToSign>GET\n\n\n${String(req.headers['x-oss-date'])}\nx-oss-security-token:STS-TOKEN-VALUE\n/bkt/</StringToSign></Error>`,
      );
    });
    const error = await errorOf(client.getBucketInfo({ bucket: 'bkt' }));
    const text = JSON.stringify(error.toJSON()) + error.message;
    expect(text).not.toContain('STS-TOKEN-VALUE');
    expect(text).not.toContain(SECRET);
    expect(error.details['StringToSign']).toContain('[redacted]');
  });
});
