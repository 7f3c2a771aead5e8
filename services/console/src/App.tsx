import { lazy, Suspense, useEffect } from 'react';
import { useLanguage } from './i18n/language.js';
import { Shell } from './layout/Shell.js';
import { LiveProvider } from './live/live-events.js';
import { parseRoute } from './route.js';
import { SignInPage } from './session/SignInPage.js';
import { useSession } from './session/session.js';
import { useRoute } from './use-route.js';

// Each page is its own chunk: the first page a user sees does not wait for the others (nor for the
// chart library, nor exceljs).
const chunks = {
  ministry: () => import('./ministry/RankingPage.js'),
  province: () => import('./province/ProvincePage.js'),
  auditor: () => import('./auditor/AuditorPage.js'),
};
const RankingPage = lazy(() => chunks.ministry().then((m) => ({ default: m.RankingPage })));
const ProvincePage = lazy(() => chunks.province().then((m) => ({ default: m.ProvincePage })));
const AuditorPage = lazy(() => chunks.auditor().then((m) => ({ default: m.AuditorPage })));

// The page the address names starts loading now, while the stored token is being checked, rather
// than after: one round trip fewer before the first page is usable.
const first = parseRoute(window.location.hash).page;
if (first !== 'sign-in') void chunks[first]();

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
        <Suspense fallback={<p>{t('loading')}</p>}>
          {route.page === 'ministry' && <RankingPage />}
          {route.page === 'province' && <ProvincePage province={route.province ?? viewer.province ?? ''} />}
          {route.page === 'auditor' && <AuditorPage />}
        </Suspense>
      </Shell>
    </LiveProvider>
  );
}
