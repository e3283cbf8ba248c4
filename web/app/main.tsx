import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { initialLang, loadMessages } from './i18n/i18n.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// English is a chunk of its own: fetched before the first render when it is the stored choice.
const { lang, messages } = await loadMessages(initialLang());
if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
// As a transition, the first render yields to the browser every few milliseconds instead of holding
// the main thread (index.html already shows the header meanwhile).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App lang={lang} messages={messages} />
    </StrictMode>,
  );
});
