import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LanguageProvider } from './i18n/language.js';
import { readRankingEarly } from './ministry/ranking-choice.js';
import { parseRoute } from './route.js';
import { SessionProvider } from './session/session.js';
import { restoreSession } from './session/stored-session.js';
import './styles.css';

// A returning user's token is checked, and the ranking's reads sent, before React first renders:
// side by side rather than one after the other, and after the page's render.
const stored = restoreSession();
const route = parseRoute(window.location.hash);
if (stored && route.page === 'ministry') readRankingEarly(stored.client, route.params);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <SessionProvider stored={stored}>
        <App />
      </SessionProvider>
    </LanguageProvider>
  </StrictMode>,
);
