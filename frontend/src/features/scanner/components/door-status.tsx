import { useTranslation } from '@/lib/i18n/react';
import { useFormat } from '@/lib/i18n';
import type { DoorState } from '../offline/door-state';
import { personsIn } from '../offline/door-list-state';

type Props = {
  online: boolean;
  state: DoorState | undefined;
  deviceId: string;
};

/** Online or not, what waits to be synced, the persons in today here, and how fresh the list is. */
export function DoorStatus({ online, state, deviceId }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = state?.pendingCount ?? 0;
  return (
    <div className="door-status">
      <p className={`door-status__sync door-status__sync--${online ? 'online' : 'offline'}`} data-testid="sync-status" role="status">
        <span className="door-status__dot" aria-hidden="true" />
        {t(online ? 'scanner.status.online' : 'scanner.status.offline', { count: pending })}
      </p>
      <p className="door-status__count" data-testid="admitted-today">
        {t('scanner.admittedToday', { count: personsIn(state?.list) })}
      </p>
      <p className="door-status__meta">
        {state?.list && !state.list.localOnly && state.checkedAt
          ? t('scanner.listChecked', { time: format.time(state.checkedAt) })
          : t('scanner.listNone')}
        {' · '}
        <span data-testid="device-id">{t('scanner.device', { id: deviceId })}</span>
      </p>
    </div>
  );
}
