import { useTranslation } from '@/lib/i18n/react';

type Props = {
  /** A save is on its way: the submit button says so and does nothing (it keeps the focus). */
  pending: boolean;
  onCancel: () => void;
  /** Default "Save" / "Saving…". */
  submitLabel?: string;
  pendingLabel?: string;
};

/** The submit and Cancel buttons at the foot of a form. */
export function FormActions({ pending, onCancel, submitLabel, pendingLabel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? (pendingLabel ?? t('form.saving')) : (submitLabel ?? t('form.save'))}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
