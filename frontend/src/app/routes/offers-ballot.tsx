import { useTranslation } from '@/lib/i18n/react';
import { DocumentTitle } from '@/components/ui/document-title';
import { BallotNotice } from '@/features/ballot/components/ballot-notice';
import { MyApplication } from '@/features/ballot/components/my-application';
import { useBallotSummary } from '@/features/ballot/hooks/use-ballot-summary';
import { EditionSummary } from '@/features/editions/components/edition-summary';
import { OffersSection } from '@/features/offers/components/offers-section';
import type { Edition } from '@/lib/api/types';
import { pickLocalized } from '@/lib/i18n';

/** A ballot edition: how and until when to apply, the resident's application, the offers without claim buttons. */
export function BallotEditionPage({ edition, eligible }: { edition: Edition; eligible?: boolean }) {
  const { t, i18n } = useTranslation();
  const { how, until } = useBallotSummary(edition);
  return (
    <>
      <DocumentTitle>{`${pickLocalized(edition.names, i18n.language)} · ${t('app.name')}`}</DocumentTitle>
      <EditionSummary edition={edition} how={how} until={until} />
      <BallotNotice edition={edition} />
      <MyApplication edition={edition} eligible={eligible} />
      <OffersSection edition={edition} />
    </>
  );
}
