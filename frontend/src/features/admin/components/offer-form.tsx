import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Attraction, Edition } from '@/lib/api/types';
import { formatDay, pickLocalized, sortByName } from '@/lib/i18n/format';
import { useCreateOffer } from '../api/create-offer';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';

type Props = { edition: Edition; attractions: Attraction[]; onDone: (message: string) => void; onCancel: () => void };

/** Adds an offer (attraction × day × capacity) to an edition. */
export function OfferForm({ edition, attractions, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const sorted = sortByName(attractions, (a) => pickLocalized(a.name, i18n.language), i18n.language);
  const [attractionId, setAttractionId] = useState(String(sorted[0]?.id ?? ''));
  const [day, setDay] = useState(edition.days[0] ?? edition.firstDay);
  const [capacity, setCapacity] = useState('50');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateOffer();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setProblem(null);
    create.mutate(
      { editionId: edition.id, input: { attractionId: Number(attractionId), day, capacity: Number(capacity) } },
      {
        onSuccess: (offer) =>
          onDone(
            t('admin.offers.created', {
              name: pickLocalized(offer.attraction.name, i18n.language),
              day: formatDay(offer.day, i18n.language),
            }),
          ),
        onError: (failure) => setProblem(toFormProblem(failure)),
      },
    );
  };

  const title = t('admin.offers.title', { name: pickLocalized(edition.names, i18n.language) });
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      <SelectField
        name="attractionId"
        label={t('admin.offers.attraction')}
        value={attractionId}
        onChange={setAttractionId}
        options={sorted.map((a) => ({
          value: String(a.id),
          label: pickLocalized(a.name, i18n.language),
        }))}
        error={problem?.fields.attractionId}
      />
      <SelectField
        name="day"
        label={t('admin.offers.day')}
        value={day}
        onChange={setDay}
        options={edition.days.map((d) => ({ value: d, label: formatDay(d, i18n.language) }))}
        error={problem?.fields.day}
      />
      <TextField
        name="capacity"
        label={t('admin.offers.capacity')}
        type="number"
        min={0}
        inputMode="numeric"
        value={capacity}
        onChange={setCapacity}
        error={problem?.fields.capacity}
        required
      />
      <FormActions pending={create.isPending} onCancel={onCancel} submitLabel={t('admin.offers.submit')} />
    </form>
  );
}
