// form-js writes its validation messages in English, with no way to pass translations: officers
// read them in Vietnamese by rewriting each message element as form-js renders it.
const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này bắt buộc.'],
  [/^Field must match pattern (.*)\.$/, (m) => `Giá trị phải khớp mẫu ${m[1]}.`],
  [/^Field must have minimum value of (.*)\.$/, (m) => `Giá trị nhỏ nhất là ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `Giá trị lớn nhất là ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `Cần ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `Tối đa ${m[1]} ký tự.`],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Số điện thoại không hợp lệ (ví dụ +84912345678).']
];

export function translate(text) {
  for (const [pattern, message] of MESSAGES) {
    const match = pattern.exec(text.trim());
    if (match) {
      return message(match);
    }
  }
  return null;
}

function translateWithin(root) {
  // Text nodes are changed in place: form-js (Preact) keeps them and may update them later.
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *').forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const vietnamese = translate(node.nodeValue);
        if (vietnamese) {
          node.nodeValue = vietnamese;
        }
      }
    });
  });
}

export function watchFormMessages(root = document.body) {
  new MutationObserver(() => translateWithin(root)).observe(root, {childList: true, subtree: true, characterData: true});
  translateWithin(root);
}
