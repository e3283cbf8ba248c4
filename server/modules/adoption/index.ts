// The adoption module's face: the adoption monitor, the reasons for a legitimate zero and the
// explanation requests (issue "Steering by figures", item 5).
export { registerAdoptionRoutes } from './adoption.routes.ts';
