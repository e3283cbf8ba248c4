// The portal's feedback pages, one chunk (app.tsx loads it the first time either is shown).
export { FeedbackLookupPage } from './feedback-lookup-page.tsx';
export { FeedbackSendPage } from './feedback-send-page.tsx';
