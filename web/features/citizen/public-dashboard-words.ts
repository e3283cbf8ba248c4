// The words of the portal home's card to the public dashboard, in both languages of the interface
// (apart from the dashboard's own dictionary, web/features/reports/kpi-messages.ts, so that the portal's
// first load does not carry it).
export const DASHBOARD_CARD = {
  vi: {
    link: 'Số liệu giải quyết thủ tục',
    hint: 'Tỷ lệ đúng hạn, trực tuyến, hài lòng và Chỉ số 766 của từng cơ quan theo tháng.',
  },
  en: {
    link: 'Procedure figures',
    hint: 'On-time, online and satisfaction rates and the Decision 766 index of each agency by month.',
  },
};
