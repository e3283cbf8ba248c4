// Pages loaded on demand: each in its own chunk.
import { lazy, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A page in its own chunk, fetched the first time it is shown. The citizen portal's landing pages
 * (portal home, procedure) are imported above and load with the app; every other page is lazy, so
 * a citizen's first load carries none of the staff work (docs/web.md, "Code splitting, compression
 * and caching").
 */
export function lazyPage<Props extends object, Name extends string>(
  load: () => Promise<{ [K in Name]: (props: Props) => ReactNode }>,
  name: Name,
): LazyExoticComponent<(props: Props) => ReactNode> {
  return lazy(async () => ({ default: (await load())[name] }));
}
