// The portal's feedback pages, one chunk (app.tsx loads it the first time any is shown).
export { FeedbackLookupPage } from './feedback-lookup-page.tsx';
export { FeedbackPublishedPage } from './feedback-published-page.tsx';
export { FeedbackSendPage } from './feedback-send-page.tsx';
