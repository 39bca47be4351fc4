// The OSS errors the emulator answers with (oss-protocol.md §8.1, §8.2). Each becomes an `<Error>` body with Code,
// Message, RequestId, HostId, EC and the extras below. EC values come from Alibaba Cloud doc pages where one names the
// case (cited per entry); the rest use the placeholder 0000-00000000, since clients must branch on Code, never on EC.

/** Extra `<Error>` elements, in order (UploadId, StringToSign, ServerTime, ArgumentName, …). */
export type ErrorExtras = ReadonlyArray<readonly [string, string]>;

/** The EC of errors no doc page gives a value for. */
export const UNKNOWN_EC = '0000-00000000';

/** An OSS error response the emulator will send. Thrown by any stage of request handling. */
export class EmulatorError extends Error {
  readonly code: string;
  readonly status: number;
  readonly ec: string;
  readonly extras: ErrorExtras;

  constructor(status: number, code: string, message: string, ec = UNKNOWN_EC, extras: ErrorExtras = []) {
    super(message);
    this.name = 'EmulatorError';
    this.code = code;
    this.status = status;
    this.ec = ec;
    this.extras = extras;
  }
}

/** Factories for every error the emulator produces, so codes, statuses and messages live in one place. */
export const ossErrors = {
  accessDenied: (message: string, extras: ErrorExtras = []) => new EmulatorError(403, 'AccessDenied', message, UNKNOWN_EC, extras),
  /** Doc 0002-00000040. */
  signatureDoesNotMatch: (stringToSign: string, signatureProvided: string, accessKeyId: string) =>
    new EmulatorError(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      '0002-00000040',
      [
        ['StringToSign', stringToSign],
        ['SignatureProvided', signatureProvided],
        ['OSSAccessKeyId', accessKeyId],
      ],
    ),
  invalidAccessKeyId: (accessKeyId: string) =>
    new EmulatorError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.', UNKNOWN_EC, [
      ['OSSAccessKeyId', accessKeyId],
    ]),
  invalidSecurityToken: () => new EmulatorError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.'),
  /** Doc 0002-00000007. */
  securityTokenExpired: () => new EmulatorError(403, 'SecurityTokenExpired', 'The security token you provided has expired.', '0002-00000007'),
  /** Doc 0002-00000504; body shape as real OSS answers it (MaxAllowedSkewMilliseconds, RequestTime, ServerTime). */
  requestTimeTooSkewed: (requestTimeIso: string, serverTimeIso: string) =>
    new EmulatorError(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      '0002-00000504',
      [
        ['MaxAllowedSkewMilliseconds', '900000'],
        ['RequestTime', requestTimeIso],
        ['ServerTime', serverTimeIso],
      ],
    ),
  requestExpired: (expiresIso: string, serverTimeIso: string) =>
    new EmulatorError(403, 'AccessDenied', 'Request has expired.', UNKNOWN_EC, [
      ['Expires', expiresIso],
      ['ServerTime', serverTimeIso],
    ]),
  invalidArgument: (message: string, name: string, value: string) =>
    new EmulatorError(400, 'InvalidArgument', message, UNKNOWN_EC, [
      ['ArgumentName', name],
      ['ArgumentValue', value],
    ]),
  invalidRequest: (message: string) => new EmulatorError(400, 'InvalidRequest', message),
  invalidUri: () => new EmulatorError(400, 'InvalidURI', 'Couldn\'t parse the specified URI.'),
  invalidObjectName: (message: string) => new EmulatorError(400, 'InvalidObjectName', message),
  invalidBucketName: (bucket: string) =>
    new EmulatorError(400, 'InvalidBucketName', 'The specified bucket is not valid.', UNKNOWN_EC, [['BucketName', bucket]]),
  /** Doc 0015-00000101. */
  noSuchBucket: (bucket: string) =>
    new EmulatorError(404, 'NoSuchBucket', 'The specified bucket does not exist.', '0015-00000101', [['BucketName', bucket]]),
  /** Seen in real OSS answers (EC 0026-00000001). */
  noSuchKey: (key: string) => new EmulatorError(404, 'NoSuchKey', 'The specified key does not exist.', '0026-00000001', [['Key', key]]),
  /** Message from doc 0017-00000244 (§6.2). */
  noSuchUpload: (uploadId: string) =>
    new EmulatorError(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      UNKNOWN_EC,
      [['UploadId', uploadId]],
    ),
  invalidDigest: (expected: string, calculated: string) =>
    new EmulatorError(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.', UNKNOWN_EC, [
      ['ExpectedDigest', expected],
      ['CalculatedDigest', calculated],
    ]),
  malformedXml: () =>
    new EmulatorError(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.'),
  /** Doc 0042-00000209. */
  invalidPartOrder: () =>
    new EmulatorError(
      400,
      'InvalidPartOrder',
      'The list of parts was not in ascending order. Parts list must specified in order by part number.',
      '0042-00000209',
    ),
  invalidPart: (partNumber: number, etag: string) =>
    new EmulatorError(
      400,
      'InvalidPart',
      'One or more of the specified parts could not be found or the specified entity tag might not have matched the part\'s entity tag.',
      UNKNOWN_EC,
      [
        ['PartNumber', String(partNumber)],
        ['ETag', etag],
      ],
    ),
  /** Doc 0042-00000213. */
  entityTooSmall: (partNumber: number, size: number) =>
    new EmulatorError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.', '0042-00000213', [
      ['PartNumber', String(partNumber)],
      ['ProposedSize', String(size)],
      ['MinSizeAllowed', '102400'],
    ]),
  entityTooLarge: (size: number, max: number) =>
    new EmulatorError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', UNKNOWN_EC, [
      ['ProposedSize', String(size)],
      ['MaxSizeAllowed', String(max)],
    ]),
  /** Doc 0042-00000214 names the case; the Code string is oss-protocol.md §13 item 1's best guess. */
  fileAlreadyExists: () => new EmulatorError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0042-00000214'),
  invalidRange: (range: string, size: number) =>
    new EmulatorError(416, 'InvalidRange', 'The requested range cannot be satisfied', UNKNOWN_EC, [
      ['RangeRequested', range],
      ['ActualObjectSize', String(size)],
    ]),
  methodNotAllowed: (method: string) =>
    new EmulatorError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', UNKNOWN_EC, [['Method', method]]),
  internalError: () => new EmulatorError(500, 'InternalError', 'We encountered an internal error. Please try again.'),
  serviceUnavailable: () => new EmulatorError(503, 'ServiceUnavailable', 'Please reduce your request rate.'),
} as const;
