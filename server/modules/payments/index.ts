// The payments module's face: what the rest of the server uses of it.
export { registerPaymentRoutes } from './payments.routes.ts';
export { startPaymentJobs, type PaymentJobs } from './payments.jobs.ts';
