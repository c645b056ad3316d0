// The authenticated caller of a request, whatever issued its token.
import type { ClientRole } from '@nonrecours/db';

export interface Principal {
  /** The client id for service-issued tokens, the `sub` claim for external issuers. */
  subject: string;
  partnerId: string;
  role: ClientRole;
  issuer: string;
  /** Set for service-issued tokens of an API client, which must still be active. */
  clientId: string | null;
  /** Set for service-issued tokens of a console account (the web console), which must still be active. */
  accountId: string | null;
}
