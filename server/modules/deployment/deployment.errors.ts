// The deployment module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('deployment', {
  DEPLOYMENT_EMBLEM_NOT_CONFIGURED: {
    code: 'NOT_FOUND',
    vi: 'Hệ thống chưa được cấu hình biểu trưng của tỉnh.',
    en: 'No provincial emblem is configured.',
  },
});
