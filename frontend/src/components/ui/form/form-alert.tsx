import { useTranslation } from '@/lib/i18n/react';
import type { FormProblem } from './form-problem';

/** The summary of a refused save: what went wrong, and the server's (English) detail. */
export function FormAlert({ problem }: { problem: FormProblem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="notice form-alert" role="alert">
      <p>
        <strong>{t(`form.problem.${problem.kind}`)}</strong>
      </p>
      {problem.detail && <p lang="en">{problem.detail}</p>}
    </div>
  );
}
