// The reorganisations module's face: merges, splits and hand-overs of units and agencies (#16.3).
export { registerReorganisationRoutes } from './reorganisations.routes.ts';
export { applyReorganisation } from './reorganisation.apply.ts';
