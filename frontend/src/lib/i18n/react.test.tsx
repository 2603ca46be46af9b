import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { memo, useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { I18nextProvider, useTranslation } from './react';

function Label() {
  const { t, i18n: instance } = useTranslation();
  // What is computed from `t` is computed again when the language changes (a new `t`).
  const label = useMemo(() => t('nav.offers'), [t]);
  return <p data-testid="label">{`${instance.language}: ${label}`}</p>;
}
const Memoized = memo(Label);

describe('useTranslation', () => {
  it('renders again, with a new t, when the language changes', async () => {
    render(<Memoized />);
    expect(screen.getByTestId('label')).toHaveTextContent(`en: ${i18n.getFixedT('en')('nav.offers')}`);
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByTestId('label')).toHaveTextContent(`fr: ${i18n.getFixedT('fr')('nav.offers')}`);
    expect(i18n.getFixedT('fr')('nav.offers')).not.toBe(i18n.getFixedT('en')('nav.offers'));
  });

  it('uses the instance of the provider', async () => {
    const other = i18next.createInstance();
    await other.init({ lng: 'xx', resources: { xx: { translation: { nav: { offers: 'Offres xx' } } } } });
    render(
      <I18nextProvider i18n={other}>
        <Label />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('label')).toHaveTextContent('xx: Offres xx');
    await act(() => i18n.changeLanguage('fr')); // not this one's
    expect(screen.getByTestId('label')).toHaveTextContent('xx: Offres xx');
  });
});
