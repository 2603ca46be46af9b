import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Attraction, StaffAccountInput, StaffMember } from '@/lib/api/types';
import { useCreateStaffAccount } from '../api/create-staff-account';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { AttractionCheckboxes } from './attraction-checkboxes';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';
import { TextField } from '@/components/ui/form/text-field';

type Props = { attractions: Attraction[]; onDone: (created: StaffMember) => void; onCancel: () => void };

const EMPTY: StaffAccountInput = {
  username: '',
  firstName: '',
  lastName: '',
  email: '',
  postcode: '',
  temporaryPassword: '',
  attractionIds: [],
};

/** Creates a door-staff account (POST /api/admin/staff/accounts). */
export function StaffAccountForm({ attractions, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateStaffAccount();
  const set = (name: Exclude<keyof StaffAccountInput, 'attractionIds'>) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const text = (name: Exclude<keyof StaffAccountInput, 'attractionIds'>, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={t(`admin.staff.fields.${name}`)}
      value={values[name]}
      onChange={set(name)}
      error={problem?.fields[name]}
      required
      {...extra}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setProblem(null);
    create.mutate(values, { onSuccess: onDone, onError: (failure) => setProblem(toFormProblem(failure)) });
  };

  const title = t('admin.staff.createTitle');
  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      {text('username', { autoComplete: 'off', spellCheck: false })}
      {text('firstName', { autoComplete: 'off' })}
      {text('lastName', { autoComplete: 'off' })}
      {text('email', { type: 'email', autoComplete: 'off' })}
      {text('postcode', { autoComplete: 'off' })}
      {text('temporaryPassword', { type: 'password', autoComplete: 'new-password', hint: t('admin.staff.passwordHint') })}
      <AttractionCheckboxes
        legend={t('admin.staff.attractions')}
        attractions={attractions}
        selected={values.attractionIds}
        onChange={(attractionIds) => setValues((v) => ({ ...v, attractionIds }))}
        error={problem?.fields.attractionIds}
      />
      <FormActions pending={create.isPending} onCancel={onCancel} submitLabel={t('admin.staff.createSubmit')} pendingLabel={t('admin.staff.creating')} />
    </form>
  );
}
