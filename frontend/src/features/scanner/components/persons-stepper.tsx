import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  label: string;
  value: number;
  max?: number;
  onChange: (value: number) => void;
};

/** − n + : a number of persons, from 1 (to `max`), with buttons big enough for a thumb. */
export function PersonsStepper({ label, value, max = 50, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="stepper" role="group" aria-labelledby={id}>
      <span id={id} className="stepper__label">
        {label}
      </span>
      <button
        type="button"
        className="stepper__button"
        aria-label={t('scanner.persons.decrease')}
        disabled={value <= 1}
        onClick={() => onChange(Math.max(1, value - 1))}
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite">
        {value}
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={t('scanner.persons.increase')}
        disabled={value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}
