// What every Camunda webapp of motcua shares (imported by each app's scripts/config.js):
// Vietnamese first, English on request; dates as dd/mm/yyyy (docs/officers.md).
export const vendor = 'Một cửa điện tử';

export const locales = {
  availableLocales: ['vi', 'en'],
  fallbackLocale: 'vi'
};

export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'dddd, DD/MM/YYYY HH:mm:ss',
  short: 'DD/MM/YYYY'
};
