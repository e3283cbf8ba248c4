// The notifications module's face: what the rest of the server (and the bench) uses of it.
export { registerNotificationRoutes } from './notifications.routes.ts';
export { registerNotificationMetrics } from './notifications.metrics.ts';
export {
  startNotificationJobs,
  createSenders,
  notificationHandlers,
  notificationWorkerOptions,
  type NotificationJobs,
} from './notifications.jobs.ts';
export { APPLICANT_TOPIC, FEEDBACK_TOPIC, maskRecipient } from './delivery.ts';
export { znsMac } from './callbacks.ts';
export type { DemoInboxSlot } from './demo-inbox.ts';
