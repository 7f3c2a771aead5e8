import { lazy, Suspense, useEffect } from 'react';
import { useLanguage } from './i18n/language.js';
import { Shell } from './layout/Shell.js';
import { LiveProvider } from './live/live-events.js';
import { SignInPage } from './session/SignInPage.js';
import { useSession } from './session/session.js';
import { useRoute } from './use-route.js';

// Each page is its own chunk: the first page a user sees does not wait for the others (nor for the
// chart library, nor exceljs).
const RankingPage = lazy(() => import('./ministry/RankingPage.js').then((m) => ({ default: m.RankingPage })));
const ProvincePage = lazy(() => import('./province/ProvincePage.js').then((m) => ({ default: m.ProvincePage })));
const AuditorPage = lazy(() => import('./auditor/AuditorPage.js').then((m) => ({ default: m.AuditorPage })));

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
