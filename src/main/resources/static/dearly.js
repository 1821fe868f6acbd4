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
  // The clipboard API needs https; over plain http the older copy command still copies the link's field.
  var copyItem = share.querySelector('li.copy');
  var copy = copyItem && copyItem.querySelector('button');
  var field = share.querySelector('input');
  var clipboard = navigator.clipboard && window.isSecureContext;
  if (copy && (clipboard || document.queryCommandSupported && document.queryCommandSupported('copy'))) {
    copyItem.hidden = false;
    var copied = function () { status.textContent = share.dataset.copied; };
    var byHand = function () {
      field.select();
      try { if (document.execCommand('copy')) copied(); } catch (e) { /* the field stays selected to copy */ }
    };
    copy.addEventListener('click', function () {
      status.textContent = '';
      if (clipboard) navigator.clipboard.writeText(url).then(copied, byHand);
      else byHand();
    });
  }
});

// "I've felt this too", sent without leaving the page. Which letters she said it of is kept on her
// device only (the dearly_felt cookie), so the page, the same for everyone, is marked here.
document.querySelectorAll('form.felt').forEach(function (form) {
  var button = form.querySelector('button');
  var count = form.querySelector('.felt-count');
  var said = function () {
    form.classList.add('done');
    button.setAttribute('aria-disabled', 'true');
  };
  var felt = (document.cookie.match(/(?:^|;\s*)dearly_felt=([^;]*)/) || [])[1] || '';
  if (felt.split('.').indexOf(form.dataset.letter) >= 0) said();
  if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true'); // one press, one post
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
      headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      count.textContent = answer.said;
      said();
    }).catch(function () {
      // Over the allowance or offline: the plain form says why.
      button.removeAttribute('aria-disabled');
      form.submit();
    });
  });
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

// Letters on the same worry, beside the ask form while she types: a pause in her typing asks the
// server for the closest published letters. Without JavaScript the form is the same, only without them;
// they open in a new tab, so her form (and its draft on this device) stays where it was.
(function () {
  var aside = document.querySelector('aside.similar-live');
  var form = aside && aside.closest('form');
  // Beside crisis help (the form came back with a field to fix), letters matched on her words stay away.
  if (!form || !window.fetch || document.querySelector('.crisis')) return;
  var list = aside.querySelector('ul');
  var title = form.elements.title;
  var body = form.elements.body;
  var timer = null;
  var asked = '';
  var show = function (results) {
    // The list grows above the fields that follow it. Once she has moved on to one (the list comes
    // after a pause, often just as she does), keep that field where it is on her screen, or it
    // jumps away under her finger.
    var field = document.activeElement;
    var below = field && field !== document.body && !!(aside.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING);
    var was = below ? field.getBoundingClientRect().top : 0;
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
    if (below) window.scrollBy(0, field.getBoundingClientRect().top - was);
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
