import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition, EditionInput, Territory } from '@/lib/api/types';
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

/** What the form holds: the numbers and optional instants as typed (sent as numbers, or left out when empty). */
type Values = Pick<EditionInput, 'slug' | 'name' | 'timeZone' | 'firstDay' | 'lastDay' | 'claimOpensAt' | 'claimClosesAt' | 'territories'> & {
  maxTicketsPerResident: string;
  maxPartySize: string;
  allocationMode: AllocationMode;
  applicationOpensAt: string;
  applicationClosesAt: string;
  drawAt: string;
  maxChoices: string;
  publicValueSource: string;
  /** Percent per territory code, as typed; empty = no share. */
  shares: Record<string, string>;
  /** Confirmation deadline: both empty = none. */
  confirmDaysBefore: string;
  confirmAtTime: string;
  /** Percent, as typed; empty = no overbooking. */
  overbookingRisk: string;
};

function initial(edition?: Edition): Values {
  return {
    slug: edition?.slug ?? '',
    name: edition?.name ?? '',
    timeZone: edition?.timeZone ?? 'Europe/Paris',
    firstDay: edition?.firstDay ?? '',
    lastDay: edition?.lastDay ?? '',
    claimOpensAt: edition?.claimOpensAt ?? '',
    claimClosesAt: edition?.claimClosesAt ?? '',
    maxTicketsPerResident: String(edition?.maxTicketsPerResident ?? 4),
    maxPartySize: String(edition?.maxPartySize ?? 6),
    territories: edition?.territories.map((x) => x.code) ?? [],
    allocationMode: edition?.allocationMode ?? 'FIRST_COME',
    applicationOpensAt: edition?.applicationOpensAt ?? '',
    applicationClosesAt: edition?.applicationClosesAt ?? '',
    drawAt: edition?.drawAt ?? '',
    maxChoices: String(edition?.maxChoices ?? 5),
    publicValueSource: edition?.publicValueSource ?? '',
    shares: Object.fromEntries((edition?.territoryShares ?? []).map((s) => [s.territory, String(s.percent)])),
    confirmDaysBefore: edition?.confirmDaysBefore == null ? '' : String(edition.confirmDaysBefore),
    confirmAtTime: edition?.confirmAtTime?.slice(0, 5) ?? '',
    overbookingRisk: edition?.overbookingRisk == null ? '' : String(edition.overbookingRisk),
  };
}

/** The API's input: a first-come edition sends no ballot settings; a ballot sends only the shares typed. */
function toInput(values: Values): EditionInput {
  const { shares, maxTicketsPerResident, maxPartySize, maxChoices, allocationMode, confirmDaysBefore, confirmAtTime, overbookingRisk, ...rest } =
    values;
  // sent as typed (one empty, the other not, is the server's 422 invalid-confirmation-deadline)
  const deadline = {
    confirmDaysBefore: confirmDaysBefore.trim() === '' ? undefined : Number(confirmDaysBefore),
    confirmAtTime: confirmAtTime.trim() === '' ? undefined : confirmAtTime,
  };
  const base = {
    slug: rest.slug,
    name: rest.name,
    timeZone: rest.timeZone,
    firstDay: rest.firstDay,
    lastDay: rest.lastDay,
    claimOpensAt: rest.claimOpensAt,
    claimClosesAt: rest.claimClosesAt,
    territories: rest.territories,
    maxTicketsPerResident: Number(maxTicketsPerResident),
    maxPartySize: Number(maxPartySize),
    allocationMode,
    ...deadline,
    overbookingRisk: overbookingRisk.trim() === '' ? undefined : Number(overbookingRisk),
  };
  if (allocationMode === 'FIRST_COME') return base;
  return {
    ...base,
    applicationOpensAt: rest.applicationOpensAt,
    applicationClosesAt: rest.applicationClosesAt,
    drawAt: rest.drawAt,
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
    const input = toInput(values);
    const handlers = { onSuccess: onDone, onError: (failure: Error) => setProblem(toFormProblem(failure)) };
    if (edition) update.mutate({ id: edition.id, input }, handlers);
    else create.mutate(input, handlers);
  };

  const title = edition ? t('admin.editions.editTitle', { name: edition.name }) : t('admin.editions.createTitle');
  const instantHint = t('admin.editions.instantHint');
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      {text('slug', { spellCheck: false, hint: 'grand-jour-2027' })}
      {text('name')}
      {text('timeZone', { hint: 'Europe/Paris' })}
      {text('firstDay', { type: 'date' })}
      {text('lastDay', { type: 'date' })}
      {text('claimOpensAt', { hint: instantHint, spellCheck: false })}
      {text('claimClosesAt', { hint: instantHint, spellCheck: false })}
      {text('maxTicketsPerResident', { type: 'number', min: 1, inputMode: 'numeric' })}
      {text('maxPartySize', { type: 'number', min: 1, inputMode: 'numeric' })}
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
          {text('applicationOpensAt', { hint: instantHint, spellCheck: false })}
          {text('applicationClosesAt', { hint: instantHint, spellCheck: false })}
          {text('drawAt', { hint: instantHint, spellCheck: false })}
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
