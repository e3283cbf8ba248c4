// The pure half of the router (router.tsx holds the React half): path patterns with typed
// parameters. A pattern's `:name` segments become the type of its params, so the route table and
// the path builders cannot ask for a parameter the pattern does not have, nor forget one.

/** The names of a pattern's parameters: `'/a/:code/b/:version'` → `'code' | 'version'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The parameters of a pattern, each one decoded path segment. */
export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

export function normalisePath(pathname: string): string {
  if (pathname.length > 1 && pathname.endsWith('/')) return pathname.replace(/\/+$/, '') || '/';
  return pathname;
}

/**
 * Parameters of `pathname` when it matches `pattern` (segments like `:code` capture one decoded
 * segment), else null: `matchPath('/thu-tuc/:code', '/thu-tuc/1.001193')` → `{ code: '1.001193' }`.
 */
export function matchPath<P extends string>(pattern: P, pathname: string): RouteParams<P> | null {
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
  return params as RouteParams<P>;
}

/** The path of `pattern` with its parameters filled in, each encoded as one segment. */
export function buildPath<P extends string>(pattern: P, params: RouteParams<P>): string {
  const values = params as Record<string, string>;
  return pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      return encodeURIComponent(values[segment.slice(1)] ?? '');
    })
    .join('/');
}

/** A route: its pattern, and what it shows for a matching path (a thunk, so only the match renders). */
export type Route<Out> = { readonly path: string; match: (pathname: string) => (() => Out) | null };

/** A route whose `render` receives the parameters of `path`, typed from the pattern. */
export function defineRoute<const P extends string, Out>(
  path: P,
  render: (params: RouteParams<P>) => Out,
): Route<Out> {
  return {
    path,
    match: (pathname) => {
      const params = matchPath(path, pathname);
      return params ? () => render(params) : null;
    },
  };
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
