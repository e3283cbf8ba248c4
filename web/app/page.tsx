// Every page: sets the document title and, after an in-app navigation, moves focus to its heading
// so that screen-reader and keyboard users start at the new content (not at the link they used).
import { useEffect, useRef, type ReactNode } from 'react';
import { documentTitle, useProvince } from './deployment.ts';
import { useI18n } from './i18n/i18n.tsx';
import { useRouter } from './router.tsx';

export function Page({
  title,
  heading,
  intro,
  children,
  className,
}: {
  title: string;
  heading: ReactNode;
  intro?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const province = useProvince()?.name ?? null;
  const { cause, location } = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = documentTitle(title, t.appName, province);
  }, [title, t.appName, province]);

  useEffect(() => {
    if (cause !== 'load') headingRef.current?.focus({ preventScroll: true });
  }, [cause, location.pathname]);

  return (
    <div className={className ? `page ${className}` : 'page'}>
      <h1 ref={headingRef} tabIndex={-1} className="page-heading">
        {heading}
      </h1>
      {intro ? <p className="page-intro">{intro}</p> : null}
      {children}
    </div>
  );
}
