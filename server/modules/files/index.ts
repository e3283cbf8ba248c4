// The files module's face: uploads, and the extension a stored file's media type is given.
export { registerFileRoutes } from './files.routes.ts';
export { extensionOf } from './files.service.ts';
