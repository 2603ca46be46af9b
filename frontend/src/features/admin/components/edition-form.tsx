import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition, EditionInput, Territory } from '@/lib/api/types';
import { instantOf, zonedLocal } from '@/lib/dates';
import { pickLocalized } from '@/lib/i18n/format';
import { useCreateEdition } from '../api/create-edition';
import { useUpdateEdition } from '../api/update-edition';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';

type Props = {
  /** The edition to change; none to create one. */
  edition?: Edition;
  territories: Territory[];
  onDone: (saved: Edition) => void;
  onCancel: () => void;
};

type AllocationMode = NonNullable<EditionInput['allocationMode']>;

/** The instants the organiser picks as wall-clock times of the edition's zone (datetime-local inputs). */
const INSTANTS = ['claimOpensAt', 'claimClosesAt', 'applicationOpensAt', 'applicationClosesAt', 'drawAt'] as const;
type InstantName = (typeof INSTANTS)[number];

/**
 * What the form holds: the numbers as typed (sent as numbers, or left out when empty), the instants as
 * wall-clock times (YYYY-MM-DDTHH:mm) in the edition's time zone, sent as instants.
 */
type Values = Pick<EditionInput, 'slug' | 'name' | 'timeZone' | 'firstDay' | 'lastDay' | 'territories'> & {
  nameEn: string;
  claimOpensAt: string;
  claimClosesAt: string;
  maxTicketsPerResident: string;
  maxPartySize: string;
  allocationMode: AllocationMode;
  applicationOpensAt: string;
  applicationClosesAt: string;
  drawAt: string;
  maxChoices: string;
  publicValueSource: string;
  /** Minutes before closing from which places free on the day are given at the door; empty = no walk-ups. */
  walkUpMinutes: string;
  /** Percent per territory code, as typed; empty = no share. */
  shares: Record<string, string>;
  /** Confirmation deadline: both empty = none. */
  confirmDaysBefore: string;
  confirmAtTime: string;
  /** Percent, as typed; empty = no overbooking. */
  overbookingRisk: string;
};

function initial(edition?: Edition): Values {
  const timeZone = edition?.timeZone ?? 'Europe/Paris';
  const local = (instant: string | null | undefined) => (instant ? zonedLocal(instant, timeZone) : '');
  return {
    slug: edition?.slug ?? '',
    name: edition?.name ?? '',
    nameEn: edition && edition.names.en !== edition.name ? edition.names.en : '',
    timeZone,
    firstDay: edition?.firstDay ?? '',
    lastDay: edition?.lastDay ?? '',
    claimOpensAt: local(edition?.claimOpensAt),
    claimClosesAt: local(edition?.claimClosesAt),
    maxTicketsPerResident: String(edition?.maxTicketsPerResident ?? 4),
    maxPartySize: String(edition?.maxPartySize ?? 6),
    territories: edition?.territories.map((x) => x.code) ?? [],
    allocationMode: edition?.allocationMode ?? 'FIRST_COME',
    applicationOpensAt: local(edition?.applicationOpensAt),
    applicationClosesAt: local(edition?.applicationClosesAt),
    drawAt: local(edition?.drawAt),
    maxChoices: String(edition?.maxChoices ?? 5),
    publicValueSource: edition?.publicValueSource ?? '',
    walkUpMinutes: edition?.walkUpMinutes == null ? '' : String(edition.walkUpMinutes),
    shares: Object.fromEntries((edition?.territoryShares ?? []).map((s) => [s.territory, String(s.percent)])),
    confirmDaysBefore: edition?.confirmDaysBefore == null ? '' : String(edition.confirmDaysBefore),
    confirmAtTime: edition?.confirmAtTime?.slice(0, 5) ?? '',
    overbookingRisk: edition?.overbookingRisk == null ? '' : String(edition.overbookingRisk),
  };
}

/** The instants the form would send; a name maps to undefined when its wall-clock time is not one (in that zone). */
function instants(values: Values): Record<InstantName, string | undefined> {
  return Object.fromEntries(INSTANTS.map((name) => [name, instantOf(values[name], values.timeZone)])) as Record<
    InstantName,
    string | undefined
  >;
}

/** The API's input: a first-come edition sends no ballot settings; a ballot sends only the shares typed. */
function toInput(values: Values): EditionInput {
  const { shares, maxTicketsPerResident, maxPartySize, maxChoices, allocationMode, walkUpMinutes, confirmDaysBefore, confirmAtTime, overbookingRisk, ...rest } =
    values;
  // sent as typed (one empty, the other not, is the server's 422 invalid-confirmation-deadline)
  const deadline = {
    confirmDaysBefore: confirmDaysBefore.trim() === '' ? undefined : Number(confirmDaysBefore),
    confirmAtTime: confirmAtTime.trim() === '' ? undefined : confirmAtTime,
  };
  const at = instants(values);
  const base = {
    slug: rest.slug,
    name: rest.name,
    nameEn: rest.nameEn.trim() || undefined,
    timeZone: rest.timeZone,
    firstDay: rest.firstDay,
    lastDay: rest.lastDay,
    claimOpensAt: at.claimOpensAt ?? '',
    claimClosesAt: at.claimClosesAt ?? '',
    territories: rest.territories,
    maxTicketsPerResident: Number(maxTicketsPerResident),
    maxPartySize: Number(maxPartySize),
    allocationMode,
    walkUpMinutes: walkUpMinutes.trim() === '' ? undefined : Number(walkUpMinutes),
    ...deadline,
    overbookingRisk: overbookingRisk.trim() === '' ? undefined : Number(overbookingRisk),
  };
  if (allocationMode === 'FIRST_COME') return base;
  return {
    ...base,
    applicationOpensAt: at.applicationOpensAt,
    applicationClosesAt: at.applicationClosesAt,
    drawAt: at.drawAt,
    maxChoices: Number(maxChoices),
    publicValueSource: rest.publicValueSource.trim() || undefined,
    territoryShares: rest.territories
      .filter((code) => (shares[code] ?? '').trim() !== '')
      .map((code) => ({ territory: code, percent: Number(shares[code]) })),
  };
}

type TextName = Exclude<keyof Values, 'territories' | 'allocationMode' | 'shares'>;

/** Creates (POST) or edits (PUT) an edition. */
export function EditionForm({ edition, territories, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [values, setValues] = useState(() => initial(edition));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateEdition();
  const update = useUpdateEdition();
  const pending = create.isPending || update.isPending;
  const text = (name: TextName, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={t(`admin.editions.fields.${name}`)}
      value={values[name]}
      onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
      error={problem?.fields[name]}
      required
      {...extra}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setProblem(null);
    // a wall-clock time that is not one (incomplete, or the zone is unknown) is said here, by its field
    const shown = values.allocationMode === 'BALLOT' ? INSTANTS : (['claimOpensAt', 'claimClosesAt'] as const);
    const at = instants(values);
    const unreadable = shown.filter((name) => at[name] === undefined);
    if (unreadable.length > 0) {
      const message = t('admin.editions.timeInvalid', { zone: values.timeZone });
      setProblem({ kind: 'validation-failed', fields: Object.fromEntries(unreadable.map((name) => [name, message])) });
      return;
    }
    const input = toInput(values);
    const handlers = { onSuccess: onDone, onError: (failure: Error) => setProblem(toFormProblem(failure)) };
    if (edition) update.mutate({ id: edition.id, input }, handlers);
    else create.mutate(input, handlers);
  };

  const title = edition ? t('admin.editions.editTitle', { name: edition.name }) : t('admin.editions.createTitle');
  const instantHint = t('admin.editions.instantHint', { zone: values.timeZone });
  const instant = (name: InstantName) => text(name, { type: 'datetime-local', hint: instantHint });
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      {text('slug', { spellCheck: false, hint: 'grand-jour-2027' })}
      {text('name')}
      {text('nameEn', { required: false, hint: t('admin.editions.nameEnHint') })}
      {text('timeZone', { hint: 'Europe/Paris' })}
      {text('firstDay', { type: 'date' })}
      {text('lastDay', { type: 'date' })}
      {instant('claimOpensAt')}
      {instant('claimClosesAt')}
      {text('maxTicketsPerResident', { type: 'number', min: 1, inputMode: 'numeric' })}
      {text('maxPartySize', { type: 'number', min: 1, inputMode: 'numeric' })}
      {text('walkUpMinutes', { type: 'number', min: 1, max: 1440, inputMode: 'numeric', required: false, hint: t('admin.editions.walkUpHint') })}
      <fieldset
        className="admin-checkboxes admin-field"
        aria-invalid={problem?.fields.territories ? true : undefined}
        aria-describedby={problem?.fields.territories ? `${id}-territories-error` : undefined}
      >
        <legend>{t('admin.editions.fields.territories')}</legend>
        {territories.map((territory) => (
          <label key={territory.code}>
            <input
              type="checkbox"
              checked={values.territories.includes(territory.code)}
              onChange={(e) =>
                setValues((v) => ({
                  ...v,
                  territories: e.target.checked
                    ? [...v.territories, territory.code]
                    : v.territories.filter((c) => c !== territory.code),
                }))
              }
            />{' '}
            {pickLocalized(territory.name, i18n.language)} ({territory.code})
          </label>
        ))}
        {problem?.fields.territories && (
          <p id={`${id}-territories-error`} className="field__error" lang="en">
            {problem.fields.territories}
          </p>
        )}
      </fieldset>
      <fieldset className="admin-field">
        <legend>{t('admin.editions.deadline')}</legend>
        <p className="field__hint">{t('admin.editions.deadlineHint')}</p>
        {text('confirmDaysBefore', { type: 'number', min: 0, max: 30, inputMode: 'numeric', required: false })}
        {text('confirmAtTime', { type: 'time', required: false })}
      </fieldset>
      {text('overbookingRisk', {
        type: 'number',
        min: 0.01,
        max: 20,
        step: 0.01,
        inputMode: 'decimal',
        required: false,
        hint: t('admin.editions.overbookingHint'),
      })}
      <SelectField
        name="allocationMode"
        label={t('admin.editions.fields.allocationMode')}
        value={values.allocationMode}
        onChange={(value) => setValues((v) => ({ ...v, allocationMode: value as AllocationMode }))}
        options={[
          { value: 'FIRST_COME', label: t('admin.editions.mode.FIRST_COME') },
          { value: 'BALLOT', label: t('admin.editions.mode.BALLOT') },
        ]}
        error={problem?.fields.allocationMode}
      />
      {values.allocationMode === 'BALLOT' && (
        <fieldset className="admin-field">
          <legend>{t('admin.editions.ballot')}</legend>
          <p className="field__hint">{t('admin.editions.ballotHint')}</p>
          {instant('applicationOpensAt')}
          {instant('applicationClosesAt')}
          {instant('drawAt')}
          {text('maxChoices', { type: 'number', min: 1, max: 20, inputMode: 'numeric' })}
          {text('publicValueSource', { required: false, hint: t('admin.editions.publicValueHint') })}
          {values.territories.map((code) => (
            <TextField
              key={code}
              name={`share-${code}`}
              type="number"
              min={1}
              max={100}
              inputMode="numeric"
              label={t('admin.editions.fields.share', { territory: code })}
              hint={t('admin.editions.shareHint')}
              value={values.shares[code] ?? ''}
              onChange={(value) => setValues((v) => ({ ...v, shares: { ...v.shares, [code]: value } }))}
              error={problem?.fields.territoryShares}
            />
          ))}
        </fieldset>
      )}
      <FormActions pending={pending} onCancel={onCancel} />
    </form>
  );
}
