import type { ReactNode } from 'react';
import { useSearchParams } from '@/lib/router';
import { useTranslation } from '@/lib/i18n/react';
import '../admin.css';
import { AuditPanel } from './audit-panel';
import { EditionsPanel } from './editions-panel';
import { PostcodeChangesPanel } from './postcode-changes-panel';
import { AttractionsPanel } from './attractions-panel';
import { StaffPanel } from './staff-panel';
import { TerritoriesPanel } from './territories-panel';

const TABS = ['territories', 'staff', 'attractions', 'editions', 'ballot', 'postcodes', 'audit'] as const;
type Tab = (typeof TABS)[number];

type Props = {
  /** The ballot tab's panel, composed by the page (another feature's); no ballot tab without it. */
  ballotPanel?: ReactNode;
};

/** Administration: one section at a time, chosen in the URL (?tab=). */
export function Admin({ ballotPanel }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((name) => name !== 'ballot' || ballotPanel);
  const asked = params.get('tab');
  const tab: Tab = tabs.includes(asked as Tab) ? (asked as Tab) : 'territories';
  return (
    <>
      <nav aria-label={t('admin.sections')} className="admin-tabs">
        <ul>
          {tabs.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="button button--secondary"
                aria-current={tab === name ? 'page' : undefined}
                onClick={() => setParams({ tab: name })}
              >
                {name === 'ballot' ? t('ballot.admin.tab') : t(`admin.tabs.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'territories' && <TerritoriesPanel />}
      {tab === 'staff' && <StaffPanel />}
      {tab === 'attractions' && <AttractionsPanel />}
      {tab === 'editions' && <EditionsPanel />}
      {tab === 'ballot' && ballotPanel}
      {tab === 'postcodes' && <PostcodeChangesPanel />}
      {tab === 'audit' && <AuditPanel />}
    </>
  );
}
