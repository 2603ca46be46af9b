import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  BrowserRouter,
  Link,
  MemoryRouter,
  NavLink,
  Outlet,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useRoutes,
  useSearchParams,
  type RouteObject,
} from './router';

function Where() {
  const { pathname, search, state } = useLocation();
  return <p data-testid="where">{`${pathname}${search} ${JSON.stringify(state)}`}</p>;
}

function Ticket() {
  const { id } = useParams();
  return <p>ticket {id}</p>;
}

function Draw() {
  const params = useParams();
  return <p>draw of {params.edition}</p>;
}

const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <main>
        <Where />
        <Outlet />
      </main>
    ),
    children: [
      { index: true, element: <p>home</p> },
      { path: '/tickets', element: <p>tickets</p> },
      { path: '/tickets/:id', element: <Ticket /> },
      { path: '/editions/:edition/draw', element: <Draw /> },
      { path: '*', element: <p>not found</p> },
    ],
  },
];

function App() {
  return useRoutes(routes);
}

const at = (route: string, ui = <App />) => render(<MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>);

describe('useRoutes', () => {
  it('renders the matching child inside its parent, with the params of the path', () => {
    at('/');
    expect(screen.getByText('home')).toBeInTheDocument();
    at('/tickets');
    expect(screen.getByText('tickets')).toBeInTheDocument();
    at('/tickets/42/');
    expect(screen.getByText('ticket 42')).toBeInTheDocument();
    at('/editions/3/draw');
    expect(screen.getByText('draw of 3')).toBeInTheDocument();
    at('/links/a%20b');
    expect(screen.getByText('not found')).toBeInTheDocument();
    at('/tickets/42/more');
    expect(screen.getAllByText('not found')).toHaveLength(2);
    expect(screen.getAllByTestId('where').map((p) => p.textContent)).toContain('/tickets/42/more null');
  });

  it('renders nothing when no route matches', () => {
    const { container } = at('/other', <Routes><Route path="/" element={<p>home</p>} /></Routes>);
    expect(container).toBeEmptyDOMElement();
  });

  it('decodes params', () => {
    at('/tickets/a%2Fb');
    expect(screen.getByText('ticket a/b')).toBeInTheDocument();
  });
});

describe('Link and NavLink', () => {
  it('follow a plain click without reloading, with the state given', async () => {
    at(
      '/',
      <>
        <Link to="/tickets/7" state={{ claimed: true }}>
          see
        </Link>
        <App />
      </>,
    );
    const link = screen.getByRole('link', { name: 'see' });
    expect(link).toHaveAttribute('href', '/tickets/7');
    await userEvent.click(link);
    expect(screen.getByText('ticket 7')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/tickets/7 {"claimed":true}');
  });

  it('leave a click with a modifier or another target to the browser', async () => {
    at(
      '/',
      <>
        <Link to="/tickets" target="_blank">
          new tab
        </Link>
        <App />
      </>,
    );
    const link = screen.getByRole('link', { name: 'new tab' });
    link.addEventListener('click', (event) => event.preventDefault()); // jsdom would try to navigate
    await userEvent.click(link);
    expect(screen.getByText('home')).toBeInTheDocument();
    await userEvent.keyboard('{Control>}');
    await userEvent.click(screen.getByRole('link', { name: 'new tab' }));
    expect(screen.getByText('home')).toBeInTheDocument();
  });

  it('mark the current page', () => {
    at(
      '/tickets/3',
      <nav>
        <NavLink to="/" end>
          home
        </NavLink>
        <NavLink to="/tickets">tickets</NavLink>
        <NavLink to="/ticket" className="x">
          other
        </NavLink>
      </nav>,
    );
    expect(screen.getByRole('link', { name: 'home' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'tickets' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'tickets' })).toHaveClass('active');
    expect(screen.getByRole('link', { name: 'other' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'other' })).toHaveClass('x');
    expect(screen.getByRole('link', { name: 'other' })).not.toHaveClass('active');
  });
});

describe('useNavigate and useSearchParams', () => {
  function Filters() {
    const [params, setParams] = useSearchParams();
    const navigate = useNavigate();
    return (
      <>
        <p data-testid="day">{params.get('day') ?? 'none'}</p>
        <button type="button" onClick={() => setParams(new URLSearchParams({ day: '2026-03-28' }), { replace: true })}>
          day
        </button>
        <button type="button" onClick={() => setParams({ tab: 'ballot' })}>
          tab
        </button>
        <button type="button" onClick={() => navigate('/tickets/9', { state: { claimed: true } })}>
          go
        </button>
      </>
    );
  }

  it('change the search of the same page, or go to another page', async () => {
    at(
      '/?day=2026-03-27',
      <>
        <Filters />
        <App />
      </>,
    );
    expect(screen.getByTestId('day')).toHaveTextContent('2026-03-27');
    await userEvent.click(screen.getByRole('button', { name: 'day' }));
    expect(screen.getByTestId('day')).toHaveTextContent('2026-03-28');
    expect(screen.getByTestId('where')).toHaveTextContent('/?day=2026-03-28');
    await userEvent.click(screen.getByRole('button', { name: 'tab' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/?tab=ballot null');
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/tickets/9 {"claimed":true}');
  });

  it('in the browser: pushes and replaces history entries, and follows Back', async () => {
    window.history.replaceState(null, '', '/?day=2026-03-27');
    const length = window.history.length;
    render(
      <BrowserRouter>
        <Filters />
        <App />
      </BrowserRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'day' }));
    expect(window.location.search).toBe('?day=2026-03-28');
    expect(window.history.length).toBe(length);
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    expect(window.location.pathname).toBe('/tickets/9');
    expect(window.history.length).toBe(length + 1);
    expect(screen.getByText('ticket 9')).toBeInTheDocument();

    await act(async () => {
      const back = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      window.history.back();
      await back;
    });
    expect(screen.getByText('home')).toBeInTheDocument();
    expect(screen.getByTestId('day')).toHaveTextContent('2026-03-28');
    window.history.replaceState(null, '', '/');
  });
});
