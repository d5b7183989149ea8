// motcua: the settings every webapp shares; the dossier panel and the Vietnamese form messages come
// from motcua/tasklist.js (docs/officers.md).
import {dateFormat, locales, vendor} from '../../motcua/webapps.js';

export default {
  app: {
    name: 'Danh sách công việc',
    vendor
  },
  locales,
  dateFormat,
  customScripts: ['motcua/tasklist'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển tới bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển tới ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
