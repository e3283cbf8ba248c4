// The staff's feedback pages, one chunk (app.tsx loads it the first time one is shown).
export { FeedbackItemPage } from './feedback-item-page.tsx';
export { FeedbackRecordPage } from './feedback-record-page.tsx';
export { FeedbackRegisterPage } from './feedback-register-page.tsx';
export { FeedbackReportPage } from './feedback-report-page.tsx';
export { FeedbackSettingsPage } from './feedback-settings-page.tsx';
