// The files module's face: uploads, who may attach an uploaded file, the extension a stored file's
// media type is given, and the sweeper of what refused uploads left.
export { registerFileRoutes } from './files.routes.ts';
export {
  attachableFiles,
  extensionOf,
  fileUserOf,
  sniffMediaType,
  storableName,
  storeMadeFile,
  sweepFiles,
  type FileUser,
} from './files.service.ts';
export { startFileSweeper } from './files.jobs.ts';
export { sweepExpiredFeedbackUploads } from './expired-uploads.ts';
