import { useEffect } from 'react';
import { chunk, useChunk } from './chunk.js';
import { useLanguage } from './i18n/language.js';
import { Shell } from './layout/Shell.js';
import { LiveProvider } from './live/live-events.js';
import { RankingPage } from './ministry/RankingPage.js';
import { parseRoute } from './route.js';
import { SignInPage } from './session/SignInPage.js';
import { useSession } from './session/session.js';
import { useRoute } from './use-route.js';

// The ranking is the ministry's first page and the first item of everyone's menu: it comes with the
// entry. The other pages are chunks of their own (and the chart library, and exceljs).
const provincePage = chunk(() => import('./province/ProvincePage.js').then((m) => m.ProvincePage));
const auditorPage = chunk(() => import('./auditor/AuditorPage.js').then((m) => m.AuditorPage));

// The page the address names starts loading now, while the stored token is being checked, rather
// than after: one round trip fewer before the first page is usable.
const first = parseRoute(window.location.hash).page;
if (first === 'province') void provincePage.load();
if (first === 'auditor') void auditorPage.load();

export function App() {
  const { t, language, setLanguage } = useLanguage();
  const { viewer, restoring } = useSession();
  const [route, navigate] = useRoute();

  // Signed in on the sign-in page: go to the page of the user's role.
  useEffect(() => {
    if (!viewer || route.page !== 'sign-in') return;
    if (viewer.role === 'province' && viewer.province) {
      navigate({ page: 'province', province: viewer.province, params: route.params });
    } else navigate({ page: viewer.role === 'auditor' ? 'auditor' : 'ministry', params: route.params });
  }, [viewer, route, navigate]);

  const ProvincePage = useChunk(provincePage, route.page === 'province');
  const AuditorPage = useChunk(auditorPage, route.page === 'auditor');

  if (restoring) return <p className="card">{t('loading')}</p>;
  if (!viewer) {
    return (
      <main id="main" className="signed-out">
        <header className="top">
          <div className="brand">{t('appName')}</div>
          <button type="button" className="secondary" onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}>
            {language === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        </header>
        <SignInPage />
      </main>
    );
  }
  return (
    <LiveProvider>
      <Shell>
        {route.page === 'ministry' && <RankingPage />}
        {ProvincePage && <ProvincePage province={route.province ?? viewer.province ?? ''} />}
        {AuditorPage && <AuditorPage />}
        {route.page !== 'ministry' && !ProvincePage && !AuditorPage && <p>{t('loading')}</p>}
      </Shell>
    </LiveProvider>
  );
}
