import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { initialLang } from './i18n/i18n.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const lang = initialLang();
document.documentElement.lang = lang;
createRoot(root).render(
  <StrictMode>
    <App lang={lang} />
  </StrictMode>,
);
