// GetBucketInfo — `GET /?bucketInfo` — and GetBucketLocation — `GET /?location`: the cheap calls a client makes to
// "test the connection". Shapes follow the OSS GetBucketInfo / GetBucketLocation doc pages.
import { renderXmlDocument } from '../xml-builder';
import { xmlResult, type OperationHandler } from './operation-context';
import { isoTime } from './request-args';

/** The owner every emulated bucket reports. */
export const EMULATOR_OWNER = { id: '1000000000000000', displayName: 'oss-emulator' } as const;

/** Answers BucketInfo/Bucket for an existing bucket. */
export const getBucketInfo: OperationHandler = (ctx) => {
  const created = ctx.store.bucket(ctx.bucket)?.createdMs ?? ctx.now();
  const location = `oss-${ctx.region}`;
  return Promise.resolve(
    xmlResult(
      renderXmlDocument([
        'BucketInfo',
        [
          [
            'Bucket',
            [
              ['AccessMonitor', 'Disabled'],
              ['CreationDate', isoTime(created)],
              ['ExtranetEndpoint', `${location}.aliyuncs.com`],
              ['IntranetEndpoint', `${location}-internal.aliyuncs.com`],
              ['Location', location],
              ['StorageClass', 'Standard'],
              ['TransferAcceleration', 'Disabled'],
              ['CrossRegionReplication', 'Disabled'],
              ['Name', ctx.bucket],
              [
                'Owner',
                [
                  ['DisplayName', EMULATOR_OWNER.displayName],
                  ['ID', EMULATOR_OWNER.id],
                ],
              ],
              ['AccessControlList', [['Grant', 'private']]],
            ],
          ],
        ],
      ]),
    ),
  );
};

/** Answers LocationConstraint. */
export const getBucketLocation: OperationHandler = (ctx) =>
  Promise.resolve(xmlResult(renderXmlDocument(['LocationConstraint', `oss-${ctx.region}`])));
