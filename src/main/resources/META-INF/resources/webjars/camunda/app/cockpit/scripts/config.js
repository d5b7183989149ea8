// motcua: the settings every webapp shares, under this app's own name (docs/officers.md).
import {dateFormat, locales, vendor} from '../../motcua/webapps.js';

export default {
  app: {
    name: 'Giám sát',
    vendor
  },
  locales,
  dateFormat
};
