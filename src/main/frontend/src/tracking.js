// The QR code on a receipt carries the lookup secret in the URL fragment (#k=...), which browsers
// never send to the server: it fills the tracking form here and is then wiped from the address bar.
const form = document.getElementById('tracking-lookup');
if (form) {
  const secret = new URLSearchParams(window.location.hash.slice(1)).get('k');
  if (secret) {
    form.elements.secret.value = secret;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (form.elements.code.value) {
      form.requestSubmit();
    }
  }
}
