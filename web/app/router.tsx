// A small router on the History API: the current location in context, navigate(), and <Link>
// for same-app links that still behave as links (new tab, copy address, middle click).
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export type AppLocation = { pathname: string; search: string };
export type NavigateOptions = { replace?: boolean };

type Router = {
  location: AppLocation;
  /** How the current location was reached: the first load, a link or code, or back/forward. */
  cause: 'load' | 'push' | 'pop';
  navigate: (to: string, options?: NavigateOptions) => void;
};

const RouterContext = createContext<Router | null>(null);

function normalisePath(pathname: string): string {
  if (pathname.length > 1 && pathname.endsWith('/')) return pathname.replace(/\/+$/, '') || '/';
  return pathname;
}

function readLocation(): AppLocation {
  return { pathname: normalisePath(window.location.pathname), search: window.location.search };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ location: AppLocation; cause: Router['cause'] }>(() => ({
    location: readLocation(),
    cause: 'load',
  }));

  useEffect(() => {
    const onPop = () =>
      setState((current) => {
        const next = readLocation();
        // A change of #fragment only (an in-page link) is not a new page.
        if (next.pathname === current.location.pathname && next.search === current.location.search)
          return current;
        return { location: next, cause: 'pop' };
      });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options: NavigateOptions = {}) => {
    const url = new URL(to, window.location.origin);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    if (options.replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    setState({ location: readLocation(), cause: 'push' });
    if (!options.replace) window.scrollTo(0, 0);
  }, []);

  const value = useMemo(() => ({ ...state, navigate }), [state, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): Router {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** The value of one query parameter of the current location. */
export function useSearchParam(name: string): string | null {
  const { location } = useRouter();
  return new URLSearchParams(location.search).get(name);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const { navigate, location } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target !== undefined && rest.target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  const current = normalisePath(to.split('?')[0] ?? to) === location.pathname;
  return (
    <a href={to} onClick={handleClick} aria-current={current ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}

/**
 * Parameters of `pathname` when it matches `pattern` (segments like `:code` capture one decoded
 * segment), else null: `matchPath('/thu-tuc/:code', '/thu-tuc/1.001193')` → `{ code: '1.001193' }`.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = normalisePath(pathname).split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      if (h === '') return null;
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/**
 * Where to go after signing in: only a path of this app, never another site
 * (`//evil.example`, `https://…`) and never the sign-in page itself.
 */
export function safeNextPath(next: string | null, signInPath: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const url = new URL(next, 'http://app.invalid');
  if (url.origin !== 'http://app.invalid' || normalisePath(url.pathname) === signInPath) return '/';
  return url.pathname + url.search + url.hash;
}
