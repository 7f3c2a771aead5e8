import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.js';
import { LiveIndicator } from '../live/LiveIndicator.js';
import { type Route, withParams } from '../route.js';
import { useSession } from '../session/session.js';
import { useRoute } from '../use-route.js';
import { AsOfControl } from './AsOfControl.js';

/** Header (pages, as-of, live events, language, who is signed in) around the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useLanguage();
  const { viewer, signOut } = useSession();
  const [route, navigate] = useRoute();
  const asOf = route.params.get('asOf');
  // Links keep the as-of instant: an auditor moving between pages stays in the same past.
  const link = (page: Route['page'], province?: string) =>
    `#/${page}${province ? `/${province}` : ''}${asOf ? `?${withParams({ page, params: new URLSearchParams() }, { asOf }).params}` : ''}`;
  const ownProvince = viewer?.province ?? 'thai-nguyen-2025';
  const pages: Array<[Route['page'], string, string | undefined]> = [
    ['ministry', t('nav.ranking'), undefined],
    ['province', t('nav.province'), ownProvince],
    ...(viewer?.role === 'province'
      ? []
      : [['auditor', t('nav.auditor'), undefined] as [Route['page'], string, undefined]]),
  ];
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="brand">{t('appName')}</div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {pages.map(([page, label, province]) => (
              <li key={page}>
                <a href={link(page, province)} aria-current={route.page === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <AsOfControl />
        <LiveIndicator />
        <div className="who">
          <span>{viewer && t('signedInAs', { who: viewer.id, role: t(`role.${viewer.role}`) })}</span>
          <button
            type="button"
            className="secondary"
            lang={language === 'vi' ? 'en' : 'vi'}
            onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
            aria-label={`${t('language')}: ${language === 'vi' ? 'English' : 'Tiếng Việt'}`}
          >
            {language === 'vi' ? 'EN' : 'VI'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              signOut();
              // The next user starts on the page of their own role, not on this user's.
              navigate({ page: 'sign-in', params: new URLSearchParams() });
            }}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      {asOf && (
        <p className="as-of-banner" role="status">
          {t('asOf.banner', { when: new Date(asOf).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB') })}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
