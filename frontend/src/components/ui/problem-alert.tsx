import type { ReactNode, Ref } from 'react';

/** A problem as a feature explains it: our localized message, and what the server adds. */
export type ProblemText = {
  /** The localized explanation, complete on its own. */
  message: string;
  /** The server's own detail (in English), when it adds something (numbers, dates, which limit). */
  detail?: string;
  /** The problem type's slug (`sold-out`...), when the server gave a known one. */
  slug?: string;
};

type Props = {
  problem: ProblemText;
  /** The alert takes focus (tabIndex -1) so that keyboard and screen reader users land on it. */
  ref?: Ref<HTMLDivElement>;
  children?: ReactNode;
};

/** A refused action: our localized message, then the server's detail when it adds to it; shared by the features. */
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
