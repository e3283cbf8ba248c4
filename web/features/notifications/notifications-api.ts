// The notification endpoints (server/modules/notifications, common/contracts/notifications.ts): a
// dossier's messages for staff and for the applicant, the province's templates and channels, and the
// operators' health view.
import type {
  ChannelSettings,
  DemoInboxResponse,
  DossierNotificationsResponse,
  NotificationChannel,
  NotificationEvent,
  NotificationsHealthResponse,
  PutChannelsBody,
  RenderedMessage,
  TemplateBody,
  TemplateListResponse,
  TemplateView,
} from '../../../common/contracts/notifications.ts';
import type {
  NotificationPreferences,
  NotificationPreferencesBody,
} from '../../../common/contracts/staff-notifications.ts';
import { ApiError, apiGet, apiPost, apiPut, apiRequest } from '../../app/http.ts';
import { queryOptions } from '@tanstack/react-query';
import { featureQueries } from '../../app/query.ts';
import { citizenRequest } from '../citizen/citizen-http.ts';

export type {
  ChannelSettings,
  DemoInboxResponse,
  DossierNotificationsResponse,
  NotificationChannel,
  NotificationEvent,
  NotificationsHealthResponse,
  PutChannelsBody,
  RenderedMessage,
  TemplateBody,
  TemplateListResponse,
  TemplateView,
};

const dossierNotificationsUrl = (code: string) =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/notifications`;

/**
 * A dossier's messages are part of the dossier: the staff's read sits under the dossiers' keys and the
 * applicant's under the citizen's, so what reloads the dossier after an action reloads them too.
 */
const read = featureQueries('notifications');

const templatesUrl = '/api/v1/notification-templates';
const templateUrl = (event: NotificationEvent, channel: NotificationChannel, provinceCode: string) =>
  `${templatesUrl}/${event}/${channel}?provinceCode=${encodeURIComponent(provinceCode)}`;

export const notificationQueries = {
  all: ['notifications'] as const,
  /** The dossier's messages, as staff (`staff`) or as its applicant (`applicant`) read them. */
  dossier: (code: string, audience: 'staff' | 'applicant') =>
    queryOptions({
      queryKey: [audience === 'staff' ? 'dossiers' : 'citizen', 'notifications', code] as const,
      queryFn: ({ signal }) =>
        audience === 'staff'
          ? apiGet<DossierNotificationsResponse>(dossierNotificationsUrl(code), undefined, signal)
          : citizenRequest<DossierNotificationsResponse>('GET', dossierNotificationsUrl(code), { signal }),
    }),
  templates: (provinceCode: string) =>
    read('templates', { provinceCode }, (signal) =>
      apiGet<TemplateListResponse>(templatesUrl, { provinceCode }, signal),
    ),
  channels: (provinceCode: string) =>
    read('channels', { provinceCode }, (signal) =>
      apiGet<ChannelSettings>('/api/v1/notification-channels', { provinceCode }, signal),
    ),
  health: () =>
    read('health', {}, (signal) =>
      apiGet<NotificationsHealthResponse>('/api/v1/notifications/health', undefined, signal),
    ),
  /** The demo's inbox; null where the route does not exist (not demo mode, or production: 404). */
  demoInbox: (provinceCode: string) =>
    read('demo-inbox', { provinceCode }, async (signal) => {
      try {
        return await apiGet<DemoInboxResponse>('/api/v1/notifications/demo-inbox', { provinceCode }, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    }),
};

export function saveTemplate(
  provinceCode: string,
  event: NotificationEvent,
  channel: NotificationChannel,
  body: TemplateBody,
): Promise<TemplateView> {
  return apiPut(templateUrl(event, channel, provinceCode), body);
}

/** Removes the province's own template: the default applies again. */
export function resetTemplate(
  provinceCode: string,
  event: NotificationEvent,
  channel: NotificationChannel,
): Promise<TemplateView> {
  return apiRequest<TemplateView>('DELETE', templateUrl(event, channel, provinceCode));
}

export function previewTemplate(body: {
  provinceCode: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  template?: TemplateBody;
}): Promise<{ rendered: RenderedMessage }> {
  return apiPost(`${templatesUrl}/preview`, body);
}

export function saveChannels(provinceCode: string, body: PutChannelsBody): Promise<ChannelSettings> {
  return apiPut(`/api/v1/notification-channels?provinceCode=${encodeURIComponent(provinceCode)}`, body);
}

const preferencesUrl = '/api/v1/me/notification-preferences';

/** The signed-in officer's own choice of being told of what lands in their worklist. */
export const preferenceQueries = {
  all: ['notifications', 'preferences'] as const,
  mine: () =>
    read('preferences', {}, (signal) => apiGet<NotificationPreferences>(preferencesUrl, undefined, signal)),
};

export function savePreferences(body: NotificationPreferencesBody): Promise<NotificationPreferences> {
  return apiPut(preferencesUrl, body);
}
