// The calendar module's face: its routes for the app; the calendar and office hours for due times
// (dossiers) and reports.
export { registerCalendarRoutes } from './calendar.routes.ts';
export {
  loadCalendar,
  workingTimeFor,
  workingTimeFrom,
  workingTimeRead,
  type WorkingTimeRead,
} from './calendar.service.ts';
