// motcua: Vietnamese first, English on request; dates as dd/mm/yyyy (docs/officers.md).
export default {
  app: {
    name: 'Quản trị',
    vendor: 'Một cửa điện tử'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  }
};
