// The line under the endpoint field: what kind of endpoint was typed and what that means for region and addressing.
import { useT } from '../../i18n/i18n';
import { describeEndpoint } from './describe-endpoint';
import { accountMessages } from './messages';

/** Props of EndpointHint. */
export interface EndpointHintProps {
  readonly endpoint: string;
}

/** A hint about the endpoint typed so far. */
export function EndpointHint({ endpoint }: EndpointHintProps) {
  const t = useT(accountMessages);
  const described = describeEndpoint(endpoint);
  switch (described.kind) {
    case 'public':
      return <>{t('endpointPublic', { region: described.region ?? '' })}</>;
    case 'internal':
      return <>{t('endpointInternal', { region: described.region ?? '' })}</>;
    case 'accelerate':
      return <>{t('endpointAccelerate')}</>;
    case 'local':
      return <>{t('endpointLocal')}</>;
    case 'custom':
      return <>{t('endpointCustom')}</>;
    case 'invalid':
      return <>{t('endpointHint')}</>;
  }
}
