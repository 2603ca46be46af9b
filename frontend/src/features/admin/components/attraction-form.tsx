import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Attraction, AttractionInput, Category, Territory } from '@/lib/api/types';
import { pickLocalized } from '@/lib/i18n/format';
import { useCreateAttraction } from '../api/create-attraction';
import { useUpdateAttraction } from '../api/update-attraction';
import { ATTRACTION_CATEGORIES, EMPTY_ATTRACTION, toAttractionInput } from '../utils/attraction-input';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';

type Props = {
  /** The attraction to change; none to create one. */
  attraction?: Attraction;
  territories: Territory[];
  onDone: (saved: Attraction) => void;
  onCancel: () => void;
};

type TextName = Exclude<keyof AttractionInput, 'category' | 'active'>;
const REQUIRED: TextName[] = ['slug', 'nameFr', 'nameEn', 'address', 'town', 'postcode'];
const OPTIONAL: TextName[] = ['descriptionFr', 'descriptionEn', 'accessibilityFr', 'accessibilityEn'];

/** Creates (POST) or edits (PUT) an attraction. */
export function AttractionForm({ attraction, territories, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<AttractionInput>(() =>
    attraction ? toAttractionInput(attraction) : { ...EMPTY_ATTRACTION, territory: territories[0]?.code ?? '' },
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateAttraction();
  const update = useUpdateAttraction();
  const pending = create.isPending || update.isPending;
  const set = (name: TextName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const text = (name: TextName, required: boolean) => (
    <TextField
      key={name}
      name={name}
      label={t(`admin.attractions.fields.${name}`)}
      value={values[name] ?? ''}
      onChange={set(name)}
      error={problem?.fields[name]}
      required={required}
      lang={name.endsWith('Fr') ? 'fr' : name.endsWith('En') ? 'en' : undefined}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setProblem(null);
    const handlers = { onSuccess: onDone, onError: (failure: Error) => setProblem(toFormProblem(failure)) };
    if (attraction) update.mutate({ id: attraction.id, input: values }, handlers);
    else create.mutate(values, handlers);
  };

  const title = attraction
    ? t('admin.attractions.editTitle', { name: pickLocalized(attraction.name, i18n.language) })
    : t('admin.attractions.createTitle');
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      {REQUIRED.slice(0, 3).map((name) => text(name, true))}
      <SelectField
        name="territory"
        label={t('admin.attractions.fields.territory')}
        value={values.territory}
        onChange={(territory) => setValues((v) => ({ ...v, territory }))}
        options={territories.map((x) => ({ value: x.code, label: `${pickLocalized(x.name, i18n.language)} (${x.code})` }))}
        error={problem?.fields.territory}
      />
      <SelectField
        name="category"
        label={t('admin.attractions.fields.category')}
        value={values.category}
        onChange={(category) => setValues((v) => ({ ...v, category: category as Category }))}
        options={ATTRACTION_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        error={problem?.fields.category}
      />
      {REQUIRED.slice(3).map((name) => text(name, true))}
      {OPTIONAL.map((name) => text(name, false))}
      <div className="field admin-field">
        <label htmlFor={`${id}-active`}>
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={values.active}
            onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))}
          />{' '}
          {t('admin.attractions.fields.active')}
        </label>
      </div>
      <FormActions pending={pending} onCancel={onCancel} />
    </form>
  );
}
