import { useTranslation } from '@/lib/i18n/react';
import { LoginButton } from '@/components/layout/auth-buttons';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Edition, Me } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { pickLocalized, useFormat } from '@/lib/i18n';
import { useMe } from '../api/get-me';
import { PostcodeChangeSection } from './postcode-change';

type Props = {
  /** The edition eligibility is asked for (the current one); null when there is none. */
  edition: Edition | null;
};

/** My account: log in, or the profile and whether the user may claim free entries. */
export function AccountDetails({ edition }: Props) {
  const { t } = useTranslation();
  const auth = useAuth();
  const me = useMe(auth.authenticated ? auth.username : undefined, edition?.id);

  if (auth.status === 'loading') return <Loading label={t('auth.checking')} />;
  if (!auth.authenticated) {
    return (
      <div className="account-logged-out">
        <p>{t('account.loggedOut')}</p>
        {auth.status === 'unavailable' && <p className="notice">{t('auth.unavailable')}</p>}
        <LoginButton />
      </div>
    );
  }
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <Profile me={me.data} edition={edition} />;
}

function Profile({ me, edition }: { me: Me; edition: Edition | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = me.territory ? format.localized(me.territory.name) : null;
  // Only Grand Jour's roles: Keycloak's technical ones (default-roles-*, offline_access...) mean nothing here.
  const roles = me.roles.flatMap((role) =>
    role === 'resident' || role === 'staff' || role === 'organiser' ? [t(`role.${role}`)] : [],
  );

  return (
    <>
      <section className="card" aria-labelledby="account-details">
        <h2 id="account-details">{t('account.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('account.username')}</dt>
            <dd data-testid="account-username">{me.username}</dd>
          </div>
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{me.name || t('account.notProvided')}</dd>
          </div>
          <div>
            <dt>{t('account.postcode')}</dt>
            <dd data-testid="account-postcode">{me.postcode || t('account.notProvided')}</dd>
          </div>
          <div>
            <dt>{t('account.territory')}</dt>
            <dd data-testid="account-territory">{territory ?? t('account.noTerritory')}</dd>
          </div>
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>{roles.length > 0 ? format.list(roles) : t('account.notProvided')}</dd>
          </div>
        </dl>
      </section>
      <Eligibility me={me} edition={edition} territory={territory} />
      {me.roles.includes('resident') && <PostcodeChangeSection username={me.username} />}
    </>
  );
}

function Eligibility({ me, edition, territory }: { me: Me; edition: Edition | null; territory: string | null }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  let reason: string | null = null;
  if (!me.eligible) {
    if (me.editionId === null || me.editionId === undefined || !edition) reason = t('account.reasonNoEdition');
    else if (!me.postcode) reason = t('account.reasonNoPostcode');
    else
      reason = t('account.reasonOutside', {
        postcode: me.postcode,
        territories: format.list(edition.territories.map((x) => format.localized(x.name))),
      });
  }
  return (
    <section
      className={`card eligibility eligibility--${me.eligible ? 'yes' : 'no'}`}
      aria-labelledby="account-eligibility"
      data-testid="eligibility"
    >
      <h2 id="account-eligibility">{t('account.eligibilityTitle')}</h2>
      <p className="eligibility__verdict">
        <span className="eligibility__icon" aria-hidden="true">
          {me.eligible ? '✓' : '✕'}
        </span>
        {me.eligible ? t('account.eligible') : t('account.notEligible')}
      </p>
      {me.eligible && edition && territory && (
        <p>{t('account.eligibleEdition', { territory, edition: pickLocalized(edition.names, i18n.language) })}</p>
      )}
      {reason && <p>{reason}</p>}
    </section>
  );
}
