// Progressive enhancement for the share control: the phone's own share sheet where the browser has
// the Web Share API, a copy-link button where it has a clipboard; plain links otherwise.
document.querySelectorAll('details.share').forEach(function (share) {
  var url = share.dataset.shareUrl;
  var title = share.dataset.shareTitle;
  var status = share.querySelector('.status');
  var summary = share.querySelector('summary');

  if (navigator.share) {
    summary.addEventListener('click', function (event) {
      event.preventDefault();
      navigator.share({ title: title, url: url }).catch(function () { share.open = true; });
    });
  }

  // The list item is what is hidden: the stylesheet gives the button itself a display, which would override it.
  var copyItem = share.querySelector('li.copy');
  var copy = copyItem && copyItem.querySelector('button');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copyItem.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = share.dataset.copied;
      }, function () {
        share.querySelector('input').select();
      });
    });
  }
});

// The ask form keeps a draft on this device, so a dropped connection or a closed tab loses
// nothing. It is restored only into an empty form and erased once the question is received.
(function () {
  var KEY = 'dearly-draft-ask';
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) return;
  if (document.querySelector('[data-draft-done]')) { store.removeItem(KEY); return; }
  var form = document.querySelector('form[data-draft="ask"]');
  if (!form) return;
  var skip = { _csrf: true, rows: true };
  var fields = function () {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !skip[el.name] && el.type !== 'submit' && el.type !== 'button';
    });
  };
  var save = function () {
    var draft = {};
    fields().forEach(function (el) {
      if (el.type === 'radio' || el.type === 'checkbox') { if (el.checked) draft[el.name] = el.value; }
      else draft[el.name] = el.value;
    });
    try { store.setItem(KEY, JSON.stringify(draft)); } catch (e) { /* storage full: the server still has the form */ }
  };
  var typed = fields().some(function (el) {
    return (el.type === 'text' || el.tagName === 'TEXTAREA' || el.type === 'email') && el.value;
  });
  var saved = store.getItem(KEY);
  if (saved && !typed) {
    try {
      var draft = JSON.parse(saved);
      fields().forEach(function (el) {
        if (!(el.name in draft) || el.type === 'hidden' && el.name !== 'retry_key') return;
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = draft[el.name] === el.value;
        else el.value = draft[el.name];
      });
      var note = form.querySelector('.draft-note');
      if (note) note.hidden = false;
    } catch (e) { store.removeItem(KEY); }
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
})();

// Copy buttons for a private link: shown only where the browser can copy.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  if (!navigator.clipboard || !window.isSecureContext) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      var status = document.querySelector('.status-copied');
      if (status) status.textContent = button.dataset.copied;
    });
  });
});

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

// Letters on the same worry, beside the ask form while she types: a pause in her typing asks the
// server for the closest published letters. Without JavaScript the form is the same, only without them;
// they open in a new tab, so her form (and its draft on this device) stays where it was.
(function () {
  var aside = document.querySelector('aside.similar-live');
  var form = aside && aside.closest('form');
  if (!form || !window.fetch) return;
  var list = aside.querySelector('ul');
  var title = form.elements.title;
  var body = form.elements.body;
  var timer = null;
  var asked = '';
  var show = function (results) {
    list.textContent = '';
    results.forEach(function (letter) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = letter.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = letter.headline;
      item.appendChild(link);
      if (letter.snippet) {
        var snippet = document.createElement('p');
        snippet.textContent = letter.snippet;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    aside.hidden = results.length === 0;
  };
  var ask = function () {
    var text = ((title ? title.value : '') + '\n' + (body ? body.value : '')).trim();
    if (text.length < 12 || text === asked) return;
    asked = text;
    var chosen = form.elements.language;
    var lang = (chosen && chosen.value) || aside.dataset.lang;
    var url = aside.dataset.similar + '?limit=5&lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(text.slice(0, 1500));
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer && text === asked) show(answer.results);
    }).catch(function () { /* offline or over the allowance: the form works without them */ });
  };
  [title, body].forEach(function (field) {
    if (!field) return;
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 600);
    });
  });
  ask(); // a form that comes back with her words (or her draft) already has them
})();
