// Which handler serves which operation.
import type { OperationName } from '../route-operation';
import { abortMultipartUpload } from './abort-multipart-upload';
import { getBucketInfo, getBucketLocation } from './bucket-info';
import { completeMultipartUpload } from './complete-multipart-upload';
import { deleteObject } from './delete-object';
import { getObject, headObject } from './get-object';
import { initiateMultipartUpload } from './initiate-multipart-upload';
import { listMultipartUploads } from './list-multipart-uploads';
import { listObjects, listObjectsV2 } from './list-objects';
import { listParts } from './list-parts';
import type { OperationHandler } from './operation-context';
import { putObject } from './put-object';
import { uploadPart } from './upload-part';

/** Every served operation's handler. */
export const OPERATION_HANDLERS: Readonly<Record<Exclude<OperationName, 'Unknown'>, OperationHandler>> = {
  InitiateMultipartUpload: initiateMultipartUpload,
  UploadPart: uploadPart,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
  ListMultipartUploads: listMultipartUploads,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  GetBucketInfo: getBucketInfo,
  GetBucketLocation: getBucketLocation,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
};
