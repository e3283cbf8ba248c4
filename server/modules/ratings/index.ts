// The ratings module's face.
export { registerRatingRoutes } from './ratings.routes.ts';
