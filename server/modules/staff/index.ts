// The staff module's face: staff administration routes.
export { registerStaffRoutes } from './staff.routes.ts';
