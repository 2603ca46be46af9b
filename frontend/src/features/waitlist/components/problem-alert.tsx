import type { ReactNode, Ref } from 'react';
import type { ProblemText } from '../problems';

type Props = {
  problem: ProblemText;
  /** The alert takes focus (tabIndex -1) so that keyboard and screen reader users land on it. */
  ref?: Ref<HTMLDivElement>;
  children?: ReactNode;
};

/**
 * A problem of joining or leaving a list: our localized message, then the server's detail when it adds
 * to it. The tickets feature's alert, which a feature may not import (only app/ composes features).
 */
export function ProblemAlert({ problem, ref, children }: Props) {
  return (
    <div ref={ref} className="error-state problem-alert" role="alert" tabIndex={-1} data-problem={problem.slug}>
      <p className="error-state__title">{problem.message}</p>
      {/* The API writes its details in English. */}
      {problem.detail && (
        <p className="problem-alert__detail" lang="en">
          {problem.detail}
        </p>
      )}
      {children}
    </div>
  );
}
