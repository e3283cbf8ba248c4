// A small router on the History API: the current location in context, navigate(), and <Link>
// for same-app links that still behave as links (new tab, copy address, middle click). Patterns,
// typed parameters and matching are in routes.ts; docs/adr/0004-own-router.md says why it is ours.
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
import { normalisePath } from './routes.ts';

export { matchPath, safeNextPath } from './routes.ts';

export type AppLocation = { pathname: string; search: string };
export type NavigateOptions = { replace?: boolean };

type Router = {
  location: AppLocation;
  /** How the current location was reached: the first load, a link or code, or back/forward. */
  cause: 'load' | 'push' | 'pop';
  navigate: (to: string, options?: NavigateOptions) => void;
};

const RouterContext = createContext<Router | null>(null);

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
