// The letter editor. The preview follows what she types: the server renders it with the letter's own
// template, so it is the published page. The draft saves itself every few seconds and when she leaves,
// naming the version it was typed on; what she typed stays on this device until the server has it, so a
// lost connection or an ended session loses nothing: on the next visit it is saved again, and if a newer
// version was saved meanwhile the server keeps hers aside and offers it back.
(function () {
  var form = document.querySelector('form[data-draft-editor]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var key = 'dearly-letter-' + form.dataset.draftEditor;
  var status = form.querySelector('.save-status');
  var preview = document.querySelector('.preview-page');
  var version = form.querySelector('input[name=version]');
  var store = null;
  try { store = window.localStorage; } catch (e) { /* private mode: the server still saves */ }
  var fields = function () {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    return data;
  };
  var words = function () {
    var data = fields();
    data.delete('_csrf');
    data.delete('version');
    return data.toString();
  };
  var saved = words();
  var shown = saved;
  var stale = false;
  var leaving = false;
  var say = function (text) { status.textContent = text; };
  var remember = function () {
    if (!store) return;
    try { store.setItem(key, JSON.stringify({ version: version.value, words: words() })); } catch (e) { /* full */ }
  };
  var forget = function () { if (store) store.removeItem(key); };
  var post = function (url, accept) {
    return fetch(url, { method: 'POST', body: fields(), credentials: 'same-origin', redirect: 'manual',
      headers: { Accept: accept } });
  };

  var save = function () {
    var now = words();
    if (stale || now === saved) return;
    post(form.getAttribute('action'), 'application/json').then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        say(form.dataset.signedOut);
        return;
      }
      return response.json().then(function (answer) {
        saved = now;
        if (answer.saved) {
          version.value = answer.version;
          say(form.dataset.saved.replace('{0}', new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
        } else {
          stale = true;
          say(form.dataset.kept);
        }
        if (words() === now) forget();
      });
    }).catch(function () { say(form.dataset.offline); });
  };

  var showing;
  var refresh = function () {
    var now = words();
    if (now === shown) return;
    shown = now;
    post(form.dataset.preview, 'text/html').then(function (response) {
      if (!response.ok || response.type === 'opaqueredirect') return;
      return response.text().then(function (html) { if (shown === now) preview.innerHTML = html; });
    }).catch(function () { /* the Preview button still works */ });
  };

  // What she typed before the tab closed or her session ended, put back and saved on the version it was typed on.
  var kept = null;
  try { kept = store && JSON.parse(store.getItem(key)); } catch (e) { forget(); }
  if (kept && kept.words !== saved) {
    var typed = new URLSearchParams(kept.words);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === 'checkbox') el.checked = typed.getAll(el.name).indexOf(el.value) >= 0;
      else if (el.name && el.type !== 'hidden' && el.type !== 'submit' && typed.has(el.name)) el.value = typed.get(el.name);
    });
    version.value = kept.version;
    save();
    refresh();
  } else {
    forget();
  }

  form.addEventListener('input', function () {
    remember();
    clearTimeout(showing);
    showing = setTimeout(refresh, 400);
  });
  form.addEventListener('change', remember);
  form.addEventListener('submit', function () { leaving = true; });
  setInterval(save, 4000);
  var saveOnLeaving = function () {
    if (leaving || stale || words() === saved || !navigator.sendBeacon) return;
    navigator.sendBeacon(form.getAttribute('action'), fields());
  };
  window.addEventListener('pagehide', saveOnLeaving);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') saveOnLeaving(); });
})();
