import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Attraction, StaffMember } from '@/lib/api/types';
import { useAssignStaff } from '../api/assign-staff';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { AttractionCheckboxes } from './attraction-checkboxes';
import { FormActions } from '@/components/ui/form/form-actions';
import { FormAlert } from '@/components/ui/form/form-alert';

type Props = { member: StaffMember; attractions: Attraction[]; onDone: () => void; onCancel: () => void };

/** The attractions a staff account scans for (PUT /api/admin/staff/{username}/attractions). */
export function StaffAssignForm({ member, attractions, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(member.attractionIds);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const assign = useAssignStaff();
  const title = t('admin.staff.assignTitle', { username: member.username });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (assign.isPending) return;
    setProblem(null);
    assign.mutate(
      { username: member.username, attractionIds: selected },
      { onSuccess: onDone, onError: (failure) => setProblem(toFormProblem(failure)) },
    );
  };

  return (
    <form className="admin-card admin-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormAlert problem={problem} />
      <AttractionCheckboxes
        legend={t('admin.staff.attractions')}
        attractions={attractions}
        selected={selected}
        onChange={setSelected}
        error={problem?.fields.attractionIds}
      />
      <FormActions pending={assign.isPending} onCancel={onCancel} />
    </form>
  );
}
