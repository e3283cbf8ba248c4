// The calendar module's face: its routes for the app; the calendar and office hours for due times
// (dossiers) and reports; the national schedule recorded from the release at start-up.
export { registerCalendarRoutes } from './calendar.routes.ts';
export {
  workingTimeFor,
  workingTimeFrom,
  workingTimeRead,
  type WorkingTimeRead,
} from './calendar.service.ts';
export {
  loadCalendar,
  provinceCodeOf,
  provinceOfAgency,
  provincesWithOwnDays,
  type LoadedCalendar,
} from './calendar.repository.ts';
export { recordShippedNationalSchedule } from './national-schedule.ts';
