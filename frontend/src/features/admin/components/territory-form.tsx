import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Territory, TerritoryInput } from '@/lib/api/types';
import { useSaveTerritory } from '../api/save-territory';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';
import { TextField } from '@/components/ui/form/text-field';

type Props = {
  /** The territory to change; none to create one. */
  territory?: Territory;
  onDone: (saved: Territory) => void;
  onCancel: () => void;
};

function initial(territory?: Territory): TerritoryInput & { code: string } {
  return {
    code: territory?.code ?? '',
    nameFr: territory?.name.fr ?? '',
    nameEn: territory?.name.en ?? '',
    country: territory?.country ?? '',
    // The list does not give the language: the country's own is a fair default.
    language: territory?.country === 'GB' ? 'en' : 'fr',
    timeZone: territory?.timeZone ?? '',
    postcodePattern: territory?.postcodePattern ?? '',
  };
}

/** Creates or edits a territory and its postcode rule (PUT /api/admin/territories/{code}). */
export function TerritoryForm({ territory, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initial(territory));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useSaveTerritory();
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const error = (name: string) => problem?.fields[name];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setProblem(null);
    const { code, ...input } = values;
    save.mutate(
      { code: code.trim(), input },
      { onSuccess: (saved) => onDone(saved), onError: (failure) => setProblem(toFormProblem(failure)) },
    );
  };

  const title = territory ? t('admin.territories.editTitle', { code: territory.code }) : t('admin.territories.createTitle');
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      {!territory && (
        <TextField name="code" label={t('admin.territories.code')} value={values.code} onChange={set('code')} required hint="FR-62" error={error('code')} />
      )}
      <TextField name="nameFr" label={t('admin.territories.nameFr')} value={values.nameFr} onChange={set('nameFr')} required lang="fr" error={error('nameFr')} />
      <TextField name="nameEn" label={t('admin.territories.nameEn')} value={values.nameEn} onChange={set('nameEn')} required lang="en" error={error('nameEn')} />
      <TextField name="country" label={t('admin.territories.country')} value={values.country} onChange={set('country')} required hint="FR, GB" error={error('country')} />
      <TextField name="language" label={t('admin.territories.language')} value={values.language} onChange={set('language')} required hint="fr, en" error={error('language')} />
      <TextField name="timeZone" label={t('admin.territories.timeZone')} value={values.timeZone} onChange={set('timeZone')} required hint="Europe/Paris" error={error('timeZone')} />
      <TextField
        name="postcodePattern"
        label={t('admin.territories.postcodePattern')}
        value={values.postcodePattern}
        onChange={set('postcodePattern')}
        required
        hint={t('admin.territories.postcodePatternHint')}
        error={error('postcodePattern')}
        spellCheck={false}
      />
      <FormActions pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}
